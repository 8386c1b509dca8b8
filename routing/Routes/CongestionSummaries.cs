using System.Globalization;

namespace TrafficOrleans.Routing.Routes;

/// <summary>
/// The one-line congestion summary of a route. Levels use the speed-ratio bands of the product's congestion
/// levels (free ≥ 0.75, moderate ≥ 0.5, heavy ≥ 0.25, else severe); delays under half a minute are not news.
/// </summary>
public static class CongestionSummaries
{
    /// <summary>Delay below which a route is reported as clear.</summary>
    public const double NotableDelayMinutes = 0.5;

    /// <summary>Text for the worst stretch of a route, e.g. "Heavy on Kim Ma, +6 min".</summary>
    public static string Describe(CongestionStretch? worst)
    {
        if (worst is null || worst.DelayMinutes < NotableDelayMinutes) return "Clear, no notable delays";
        var level = worst.SpeedRatio switch
        {
            >= 0.75 => "Slow",
            >= 0.5 => "Moderate",
            >= 0.25 => "Heavy",
            _ => "Severe",
        };
        var minutes = Math.Max(1, (int)Math.Round(worst.DelayMinutes, MidpointRounding.AwayFromZero));
        return string.Create(CultureInfo.InvariantCulture, $"{level} on {worst.RoadName}, +{minutes} min");
    }
}
