using System.Text;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.GrainInterfaces.Messages.Validation;

namespace TrafficOrleans.GrainInterfaces.Tests;

/// <summary>Predictions: what consumers refuse, and how a model's wild output is brought back into range before it is published.</summary>
public sealed class RoadPredictionRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 4, 0, 0, TimeSpan.Zero);

    private static RoadPrediction Prediction(double in10) => new(Guid.NewGuid(), At, "hanoi_rd_1", 30, in10, 28, 27, 0.8, "lgbm-1");

    [Theory]
    [InlineData(-5, "negative-speed")]
    [InlineData(double.PositiveInfinity, "not-a-number")]
    [InlineData(5000, "absurd-speed")]
    public void Consumers_refuse_impossible_predicted_speeds(double in10, string category) =>
        Assert.Equal(category, RoadPredictionRules.Check(Prediction(in10), new MessageLimits(), At)?.Category);

    [Fact]
    public void Bound_replaces_non_finite_horizons_with_the_current_speed_and_clamps_the_rest()
    {
        var limits = new MessageLimits();
        var wild = Prediction(double.PositiveInfinity) with { PredictedSpeed20Min = -3, PredictedSpeed30Min = 1e308, PredictionConfidence = double.NaN };
        var bounded = RoadPredictionRules.Bound(wild, limits);
        Assert.Equal(30, bounded.PredictedSpeed10Min);
        Assert.Equal(0, bounded.PredictedSpeed20Min);
        Assert.Equal(limits.MaxSpeedKmh, bounded.PredictedSpeed30Min);
        Assert.Equal(0, bounded.PredictionConfidence);
        Assert.Null(RoadPredictionRules.Check(bounded, limits, At));
    }

    [Fact]
    public void The_decoder_dead_letters_a_prediction_with_a_missing_field_or_a_negative_speed()
    {
        var missing = """{"event_id":"8f1e2a52-8a43-4e0e-9e57-0f6b9c1e2d11","timestamp":"2026-11-28T04:00:00Z","road_id":"r","current_speed":30,"predicted_speed_20min":28,"predicted_speed_30min":27,"prediction_confidence":0.8,"model_version":"m"}""";
        Assert.False(PredictionDecoder.TryDecode(Encoding.UTF8.GetBytes(missing), new MessageLimits(), At, out _, out var category, out _));
        Assert.Equal("malformed-json", category);

        var negative = missing.Replace("\"current_speed\":30,", "\"current_speed\":30,\"predicted_speed_10min\":-1,", StringComparison.Ordinal);
        Assert.False(PredictionDecoder.TryDecode(Encoding.UTF8.GetBytes(negative), new MessageLimits(), At, out _, out category, out var reason));
        Assert.Equal("negative-speed", category);
        Assert.Contains("predicted_speed_10min", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_interval_must_hold_speeds_with_its_low_bound_below_its_high_bound()
    {
        var limits = new MessageLimits();
        var good = Prediction(29) with { Interval = new PredictionInterval(25, 33, 22, 34, 20, 35) };
        Assert.Null(RoadPredictionRules.Check(good, limits, At));
        Assert.Equal("invalid-interval", RoadPredictionRules.Check(good with { Interval = good.Interval with { Low20Min = 40 } }, limits, At)?.Category);
        Assert.Equal("negative-speed", RoadPredictionRules.Check(good with { Interval = good.Interval with { Low30Min = -1 } }, limits, At)?.Category);
    }

    [Fact]
    public void Bound_drops_an_interval_with_a_non_finite_bound_and_orders_the_rest()
    {
        var limits = new MessageLimits();
        var broken = Prediction(29) with { Interval = new PredictionInterval(25, double.NaN, 22, 34, 20, 35) };
        Assert.Null(RoadPredictionRules.Bound(broken, limits).Interval);

        var crossed = Prediction(29) with { Interval = new PredictionInterval(-4, 33, 30, 22, 20, 1e9) };
        var bounded = RoadPredictionRules.Bound(crossed, limits).Interval!;
        Assert.Equal(new PredictionInterval(0, 33, 30, 30, 20, limits.MaxSpeedKmh), bounded);
        Assert.Null(RoadPredictionRules.Check(RoadPredictionRules.Bound(crossed, limits), limits, At));
    }

    [Fact]
    public void The_decoder_reads_a_prediction_interval_and_still_reads_messages_without_one()
    {
        var old = """{"event_id":"8f1e2a52-8a43-4e0e-9e57-0f6b9c1e2d11","timestamp":"2026-11-28T04:00:00Z","road_id":"r","current_speed":30,"predicted_speed_10min":29,"predicted_speed_20min":28,"predicted_speed_30min":27,"prediction_confidence":0.8,"model_version":"m"}""";
        Assert.True(PredictionDecoder.TryDecode(Encoding.UTF8.GetBytes(old), new MessageLimits(), At, out var decoded, out _, out _));
        Assert.Null(decoded!.Interval);

        var withInterval = old.Replace("\"model_version\":\"m\"", "\"model_version\":\"m\",\"prediction_interval\":{\"low_10min\":25,\"high_10min\":33,\"low_20min\":22,\"high_20min\":34,\"low_30min\":20,\"high_30min\":35}", StringComparison.Ordinal);
        Assert.True(PredictionDecoder.TryDecode(Encoding.UTF8.GetBytes(withInterval), new MessageLimits(), At, out decoded, out _, out _));
        Assert.Equal(new PredictionInterval(25, 33, 22, 34, 20, 35), decoded!.Interval);
    }
}
