using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.Notifications.Rules;

namespace TrafficOrleans.Notifications.Tests;

public sealed class NotificationRulesTests
{
    private readonly NotificationRules _rules = new(new NotificationOptions(), Predictions.Map);

    [Fact]
    public void Heavy_congestion_fires_when_a_flowing_road_is_predicted_below_15_kmh_in_10_minutes_with_name_and_eta_delta()
    {
        var alert = Assert.Single(_rules.Evaluate(Predictions.Of(20, 12, 30, 30), roadAlerted: false));

        Assert.Equal(AlertTypes.HeavyCongestion, alert.AlertType);
        Assert.Equal("heavy_congestion", alert.AlertType);
        Assert.Equal("Heavy traffic on Pho Tran Phu. ETA +14 minutes", alert.Message);
        Assert.Equal("Pho Tran Phu", alert.RoadName);
        Assert.Equal(Predictions.Road, alert.RoadId);
        Assert.Equal(14.0, alert.EtaDeltaMinutes);
        Assert.Equal(10, alert.HorizonMinutes);
        Assert.Equal(12, alert.PredictedSpeed);
        Assert.Equal(20, alert.CurrentSpeed);
        Assert.Empty(alert.AffectedRoutes);
        Assert.Equal(Predictions.At, alert.Timestamp);
        Assert.Equal("lgbm-test", alert.ModelVersion);
    }

    [Fact]
    public void Heavy_congestion_does_not_fire_when_the_road_is_already_congested_or_only_later_horizons_fall_below()
    {
        Assert.DoesNotContain(_rules.Evaluate(Predictions.Of(12, 10, 9, 8), false), a => a.AlertType == AlertTypes.HeavyCongestion);
        Assert.Empty(_rules.Evaluate(Predictions.Of(20, 16, 10, 10), false));
    }

    [Fact]
    public void The_congestion_threshold_is_configurable()
    {
        var rules = new NotificationRules(new NotificationOptions { CongestionSpeedKmh = 25 }, Predictions.Map);

        Assert.Contains(rules.Evaluate(Predictions.Of(32, 24, 30, 30), false), a => a.AlertType == AlertTypes.HeavyCongestion);
        Assert.Empty(_rules.Evaluate(Predictions.Of(32, 24, 30, 30), false));
    }

    [Fact]
    public void Sudden_jam_fires_on_a_drop_of_more_than_half_within_10_minutes()
    {
        var alert = Assert.Single(_rules.Evaluate(Predictions.Of(50, 20, 40, 40), false));

        Assert.Equal("sudden_jam", alert.AlertType);
        Assert.Equal("Sudden jam on Pho Tran Phu: speed expected to drop 60% from 50 to 20 km/h within 10 minutes. ETA +6 minutes", alert.Message);
        Assert.Equal(6.0, alert.EtaDeltaMinutes);
        Assert.Equal(20, alert.PredictedSpeed);
    }

    [Fact]
    public void Sudden_jam_does_not_fire_at_exactly_half_or_on_a_drop_after_10_minutes()
    {
        Assert.Empty(_rules.Evaluate(Predictions.Of(50, 25, 40, 40), false));
        Assert.Empty(_rules.Evaluate(Predictions.Of(50, 45, 20, 18), false));
    }

    [Fact]
    public void The_sudden_jam_ratio_is_configurable()
    {
        var rules = new NotificationRules(new NotificationOptions { SuddenJamRatio = 0.3 }, Predictions.Map);

        Assert.Equal(AlertTypes.SuddenJam, Assert.Single(rules.Evaluate(Predictions.Of(50, 30, 40, 40), false)).AlertType);
        Assert.Empty(_rules.Evaluate(Predictions.Of(50, 30, 40, 40), false));
    }

    [Fact]
    public void Severe_traffic_fires_when_the_reading_jam_factor_is_above_3()
    {
        var alert = Assert.Single(_rules.Evaluate(Predictions.Of(30, 20, 20, 20, jamFactor: 3.5), false));

        Assert.Equal("severe_traffic", alert.AlertType);
        Assert.Equal("Severe traffic on Pho Tran Phu (jam factor 3.5). ETA +6 minutes", alert.Message);
        Assert.Equal(3.5, alert.JamFactor);
    }

    [Fact]
    public void Severe_traffic_does_not_fire_at_3_or_without_a_jam_factor_and_its_threshold_is_configurable()
    {
        Assert.Empty(_rules.Evaluate(Predictions.Of(30, 20, 20, 20, jamFactor: 3.0), false));
        Assert.Empty(_rules.Evaluate(Predictions.Of(30, 20, 20, 20), false));
        var rules = new NotificationRules(new NotificationOptions { SevereJamFactor = 2 }, Predictions.Map);
        Assert.Equal(AlertTypes.SevereTraffic, Assert.Single(rules.Evaluate(Predictions.Of(30, 20, 20, 20, jamFactor: 2.5), false)).AlertType);
    }

    [Fact]
    public void A_collapse_below_the_threshold_on_a_jammed_road_raises_all_three()
    {
        var types = _rules.Evaluate(Predictions.Of(40, 10, 12, 14, jamFactor: 6), false).Select(a => a.AlertType);

        Assert.Equal([AlertTypes.HeavyCongestion, AlertTypes.SuddenJam, AlertTypes.SevereTraffic], types);
    }

    [Fact]
    public void Cleared_fires_only_for_an_alerted_road_predicted_back_above_the_threshold()
    {
        var flowing = Predictions.Of(12, 18, 24, 26);

        var alert = Assert.Single(_rules.Evaluate(flowing, roadAlerted: true));
        Assert.Equal("cleared", alert.AlertType);
        Assert.Equal(AlertSeverities.Info, alert.Severity);
        Assert.Equal(18, alert.PredictedSpeed);
        Assert.Equal("Traffic cleared on Pho Tran Phu: at least 18 km/h over the next 30 minutes (now 12 km/h).", alert.Message);
        Assert.Empty(_rules.Evaluate(flowing, roadAlerted: false));
        Assert.Empty(_rules.Evaluate(Predictions.Of(12, 18, 14, 26), roadAlerted: true));
    }

    [Fact]
    public void A_road_without_a_name_is_named_by_its_id_and_an_unknown_road_has_no_eta()
    {
        Assert.Equal("Heavy traffic on hanoi_rd_unnamed. ETA +14 minutes",
            Assert.Single(_rules.Evaluate(Predictions.Of(20, 12, 30, 30, road: Predictions.UnnamedRoad), false)).Message);

        var unknown = Assert.Single(_rules.Evaluate(Predictions.Of(20, 12, 30, 30, road: "hanoi_rd_elsewhere"), false));
        Assert.Equal("Heavy traffic on hanoi_rd_elsewhere.", unknown.Message);
        Assert.Equal("hanoi_rd_elsewhere", unknown.RoadName);
        Assert.Null(unknown.EtaDeltaMinutes);
    }

    [Fact]
    public void Predictions_below_the_minimum_confidence_raise_nothing()
    {
        Assert.Empty(_rules.Evaluate(Predictions.Of(40, 10, 12, 14, confidence: 0.49, jamFactor: 6), false));
        Assert.Empty(_rules.Evaluate(Predictions.Of(12, 18, 24, 26, confidence: 0.49), true));
        Assert.NotEmpty(_rules.Evaluate(Predictions.Of(40, 10, 12, 14, confidence: 0.5), false));
    }

    [Theory]
    [InlineData(40, 14, "critical")] // -65 % within 10 min: severe and soon
    [InlineData(20, 14, "warning")] // -30 % within 10 min: soon, not severe
    public void Severity_grows_with_how_bad_the_drop_is(double current, double in10, string severity)
    {
        var alert = _rules.Evaluate(Predictions.Of(current, in10, 30, 30), false)[0];

        Assert.Equal(AlertTypes.HeavyCongestion, alert.AlertType);
        Assert.Equal(severity, alert.Severity);
    }
}
