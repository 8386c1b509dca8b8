using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.Notifications.Rules;

namespace TrafficOrleans.Notifications.Tests;

public sealed class CooldownTests
{
    private static readonly TimeSpan Cooldown = TimeSpan.FromMinutes(15);

    [Fact]
    public void A_redelivered_prediction_gets_the_same_event_id()
    {
        var rules = new NotificationRules(new NotificationOptions(), Predictions.Map);
        var first = rules.Evaluate(Predictions.Of(32, 12, 12, 10), false);
        var again = rules.Evaluate(Predictions.Of(32, 12, 12, 10), false);

        Assert.Equal(first.Select(a => a.EventId), again.Select(a => a.EventId));
    }

    [Fact]
    public void Alerts_of_one_type_and_road_share_an_id_within_a_cooldown_window_and_not_across_windows()
    {
        var start = new DateTimeOffset(2025, 10, 15, 8, 0, 0, TimeSpan.Zero);
        var id = NotificationEventIds.For("r1", AlertTypes.HeavyCongestion, start, Cooldown);

        Assert.Equal(id, NotificationEventIds.For("r1", AlertTypes.HeavyCongestion, start.AddMinutes(14.9), Cooldown));
        Assert.NotEqual(id, NotificationEventIds.For("r1", AlertTypes.HeavyCongestion, start.AddMinutes(15), Cooldown));
        Assert.NotEqual(id, NotificationEventIds.For("r2", AlertTypes.HeavyCongestion, start, Cooldown));
        Assert.NotEqual(id, NotificationEventIds.For("r1", AlertTypes.SuddenJam, start, Cooldown));
    }

    [Fact]
    public void A_batch_keeps_one_alert_per_event_id_and_carries_the_alerted_state_to_cleared()
    {
        var evaluator = new BatchEvaluator(new NotificationRules(new NotificationOptions(), Predictions.Map));
        var at = Predictions.At;

        var alerts = evaluator.Evaluate(
            [
                Predictions.Of(20, 14, 13, 13, at: at),
                Predictions.Of(19, 13, 12, 12, at: at.AddMinutes(5)),
                Predictions.Of(12, 18, 24, 26, at: at.AddMinutes(10)),
            ],
            new Dictionary<string, string>());

        Assert.Equal([AlertTypes.HeavyCongestion, AlertTypes.Cleared], alerts.Select(a => a.AlertType));
    }

    [Fact]
    public void A_stored_alert_lets_the_first_prediction_of_a_batch_clear()
    {
        var evaluator = new BatchEvaluator(new NotificationRules(new NotificationOptions(), Predictions.Map));

        var stored = new Dictionary<string, string> { ["hanoi_rd_123"] = AlertTypes.SuddenJam };

        Assert.Equal(AlertTypes.Cleared, Assert.Single(evaluator.Evaluate([Predictions.Of(20, 22, 24, 26)], stored)).AlertType);
        Assert.Empty(evaluator.Evaluate([Predictions.Of(20, 22, 24, 26)], new Dictionary<string, string> { ["hanoi_rd_123"] = AlertTypes.Cleared }));
    }
}
