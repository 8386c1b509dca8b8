namespace TrafficOrleans.GrainInterfaces.Messages;

/// <summary>The wire and database names of <see cref="CongestionLevel"/> ("free", "moderate", "heavy", "severe").</summary>
public static class CongestionLevels
{
    /// <summary>The lower-case name stored in <c>traffic_data.congestion_level</c> and sent on the wire.</summary>
    public static string Name(CongestionLevel level) => level switch
    {
        CongestionLevel.Free => "free",
        CongestionLevel.Moderate => "moderate",
        CongestionLevel.Heavy => "heavy",
        CongestionLevel.Severe => "severe",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown congestion level."),
    };

    /// <summary>The level of a stored name.</summary>
    public static CongestionLevel Parse(string name) => name switch
    {
        "free" => CongestionLevel.Free,
        "moderate" => CongestionLevel.Moderate,
        "heavy" => CongestionLevel.Heavy,
        "severe" => CongestionLevel.Severe,
        _ => throw new FormatException($"'{name}' is not a congestion level."),
    };
}
