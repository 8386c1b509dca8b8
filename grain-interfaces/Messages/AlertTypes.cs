namespace TrafficOrleans.GrainInterfaces.Messages;

/// <summary>The public <c>alert_type</c> values (topic, <c>notifications</c> table, push channels).</summary>
public static class AlertTypes
{
    /// <summary>A road that flows now is predicted below the congestion speed in 10 minutes (was <c>congestion-expected</c>).</summary>
    public const string HeavyCongestion = "heavy_congestion";

    /// <summary>The speed is predicted to drop by more than the sudden-jam ratio within 10 minutes (was <c>sudden-slowdown</c>).</summary>
    public const string SuddenJam = "sudden_jam";

    /// <summary>The reading's jam factor is above the severe threshold.</summary>
    public const string SevereTraffic = "severe_traffic";

    /// <summary>A road whose last alert was one of the above is predicted to flow again (was <c>recovery</c>).</summary>
    public const string Cleared = "cleared";

    /// <summary>Every value, for validating filters.</summary>
    public static IReadOnlyList<string> All { get; } = [HeavyCongestion, SuddenJam, SevereTraffic, Cleared];

    /// <summary>True for the alert types that a later <see cref="Cleared"/> ends.</summary>
    public static bool IsTrouble(string? alertType) => alertType is HeavyCongestion or SuddenJam or SevereTraffic;
}
