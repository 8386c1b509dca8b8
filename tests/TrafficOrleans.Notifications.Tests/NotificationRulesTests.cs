using TrafficOrleans.Notifications.Rules;

namespace TrafficOrleans.Notifications.Tests;

public sealed class NotificationRulesTests
{
    private readonly NotificationRules _rules = new(new NotificationOptions());

    [Fact]
    public void Congestion_expected_fires_at_the_earliest_horizon_below_the_threshold_with_a_message_naming_road_and_numbers()
    {
        var alert = Assert.Single(_rules.Evaluate(Predictions.Of(32, 20, 12, 10), roadAlerted: false), a => a.AlertType == AlertTypes.CongestionExpected);

        Assert.Equal(20, alert.HorizonMinutes);
        Assert.Equal(12, alert.PredictedSpeed);
        Assert.Equal(32, alert.CurrentSpeed);
        Assert.Equal("Speed on hanoi_rd_123 expected to fall from 32 to 12 km/h within 20 min", alert.Message);
        Assert.Equal(Predictions.At, alert.Timestamp);
        Assert.Equal("lgbm-test", alert.ModelVersion);
    }

    [Fact]
    public void Congestion_expected_does_not_fire_when_the_road_is_already_congested_or_stays_above_the_threshold()
    {
        Assert.DoesNotContain(_rules.Evaluate(Predictions.Of(12, 10, 9, 8), false), a => a.AlertType == AlertTypes.CongestionExpected);
        Assert.Empty(_rules.Evaluate(Predictions.Of(32, 30, 28, 20), false));
    }

    [Fact]
    public void The_congestion_threshold_is_configurable()
    {
        var rules = new NotificationRules(new NotificationOptions { CongestionSpeedKmh = 25 });

        Assert.Contains(rules.Evaluate(Predictions.Of(32, 30, 24, 28), false), a => a.AlertType == AlertTypes.CongestionExpected);
        Assert.Empty(_rules.Evaluate(Predictions.Of(32, 30, 24, 28), false));
    }

    [Fact]
    public void Sudden_slowdown_fires_on_a_drop_of_at_least_40_percent_and_reports_the_worst_horizon()
    {
        var alert = Assert.Single(_rules.Evaluate(Predictions.Of(50, 40, 29, 30), false));

        Assert.Equal(AlertTypes.SuddenSlowdown, alert.AlertType);
        Assert.Equal(20, alert.HorizonMinutes);
        Assert.Equal(29, alert.PredictedSpeed);
        Assert.Contains("hanoi_rd_123", alert.Message, StringComparison.Ordinal);
        Assert.Contains("from 50 to 29 km/h within 20 min", alert.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sudden_slowdown_does_not_fire_below_the_ratio()
    {
        Assert.Empty(_rules.Evaluate(Predictions.Of(50, 40, 31, 35), false));
    }

    [Fact]
    public void A_collapse_below_the_threshold_raises_both_congestion_and_slowdown()
    {
        var types = _rules.Evaluate(Predictions.Of(40, 10, 12, 14), false).Select(a => a.AlertType);

        Assert.Equal([AlertTypes.CongestionExpected, AlertTypes.SuddenSlowdown], types);
    }

    [Fact]
    public void Recovery_fires_only_for_an_alerted_road_predicted_back_above_the_threshold()
    {
        var flowing = Predictions.Of(12, 18, 24, 26);

        var alert = Assert.Single(_rules.Evaluate(flowing, roadAlerted: true));
        Assert.Equal(AlertTypes.Recovery, alert.AlertType);
        Assert.Equal(Severities.Info, alert.Severity);
        Assert.Equal(18, alert.PredictedSpeed);
        Assert.Empty(_rules.Evaluate(flowing, roadAlerted: false));
        Assert.Empty(_rules.Evaluate(Predictions.Of(12, 18, 14, 26), roadAlerted: true));
    }

    [Fact]
    public void Predictions_below_the_minimum_confidence_raise_nothing()
    {
        Assert.Empty(_rules.Evaluate(Predictions.Of(40, 10, 12, 14, confidence: 0.49), false));
        Assert.Empty(_rules.Evaluate(Predictions.Of(12, 18, 24, 26, confidence: 0.49), true));
        Assert.NotEmpty(_rules.Evaluate(Predictions.Of(40, 10, 12, 14, confidence: 0.5), false));
    }

    [Theory]
    [InlineData(40, 10, 30, 30, "critical")] // -75 % within 10 min: severe and soon
    [InlineData(40, 30, 14, 30, "warning")] // -65 % at 20 min: severe, not soon
    [InlineData(20, 14, 20, 20, "warning")] // -30 % within 10 min: soon, not severe
    [InlineData(20, 20, 20, 14, "info")] // -30 % at 30 min: neither
    public void Severity_grows_with_how_bad_and_how_soon(double current, double in10, double in20, double in30, string severity)
    {
        var alert = _rules.Evaluate(Predictions.Of(current, in10, in20, in30), false)[0];

        Assert.Equal(AlertTypes.CongestionExpected, alert.AlertType);
        Assert.Equal(severity, alert.Severity);
    }
}
