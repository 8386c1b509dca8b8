namespace TrafficOrleans.Notifications.Rules;

/// <summary>The <c>alert_type</c> values the rules raise.</summary>
public static class AlertTypes
{
    /// <summary>A flowing road is predicted to fall below the congestion speed.</summary>
    public const string CongestionExpected = "congestion-expected";

    /// <summary>A flowing road is predicted to lose a large share of its speed.</summary>
    public const string SuddenSlowdown = "sudden-slowdown";

    /// <summary>A road whose last alert was one of the above is predicted to flow again.</summary>
    public const string Recovery = "recovery";

    /// <summary>True for the alert types that a later <see cref="Recovery"/> ends.</summary>
    public static bool IsTrouble(string? alertType) => alertType is CongestionExpected or SuddenSlowdown;
}
