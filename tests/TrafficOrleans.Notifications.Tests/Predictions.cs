using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.Notifications.Rules;

namespace TrafficOrleans.Notifications.Tests;

/// <summary>Predictions and a road map for the rule tests.</summary>
public static class Predictions
{
    public const string Road = "hanoi_rd_123";
    public const string UnnamedRoad = "hanoi_rd_unnamed";

    public static readonly DateTimeOffset At = new(2025, 10, 15, 8, 2, 0, TimeSpan.Zero);

    /// <summary>Pho Tran Phu, 4 km at 40 km/h free flow: 6 minutes; at 12 km/h, 20 minutes — a 14-minute delay.</summary>
    public static readonly RoadDirectory Map = new(new Dictionary<string, RoadFacts>
    {
        [Road] = new("Pho Tran Phu", 4000, 40),
        [UnnamedRoad] = new("", 4000, 40),
    });

    public static RoadPrediction Of(double current, double in10, double in20, double in30, double confidence = 0.9, string road = Road, DateTimeOffset? at = null, double? jamFactor = null) =>
        new(Guid.NewGuid(), at ?? At, road, current, in10, in20, in30, confidence, "lgbm-test", jamFactor);
}
