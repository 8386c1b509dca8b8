using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Notifications.Tests;

/// <summary>Predictions for the rule tests.</summary>
public static class Predictions
{
    public static readonly DateTimeOffset At = new(2025, 10, 15, 8, 2, 0, TimeSpan.Zero);

    public static RoadPrediction Of(double current, double in10, double in20, double in30, double confidence = 0.9, string road = "hanoi_rd_123", DateTimeOffset? at = null) =>
        new(Guid.NewGuid(), at ?? At, road, current, in10, in20, in30, confidence, "lgbm-test");
}
