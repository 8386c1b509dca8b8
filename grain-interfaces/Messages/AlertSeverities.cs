namespace TrafficOrleans.GrainInterfaces.Messages;

/// <summary>The public <c>severity</c> values of an alert (topic, <c>notifications</c> table, push channels, history API).</summary>
public static class AlertSeverities
{
    /// <summary>Worth knowing; no action needed.</summary>
    public const string Info = "info";

    /// <summary>Either severe or soon.</summary>
    public const string Warning = "warning";

    /// <summary>Severe and soon.</summary>
    public const string Critical = "critical";

    /// <summary>Every value, for validating filters.</summary>
    public static IReadOnlyList<string> All { get; } = [Info, Warning, Critical];
}
