using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Ingest.Preprocessing;

/// <summary>
/// The one place that turns speed ratio and jam factor into a <see cref="CongestionLevel"/>, with the
/// thresholds documented on that enum: the worse of the two signals wins.
/// </summary>
public static class CongestionClassifier
{
    /// <summary>Classifies a road; <paramref name="jamFactor"/> is HERE's 0 (free) … 10 (closed).</summary>
    public static CongestionLevel Classify(double speedRatio, double jamFactor)
    {
        if (speedRatio < 0.25 || jamFactor >= 9) return CongestionLevel.Severe;
        if (speedRatio < 0.5 || jamFactor >= 7) return CongestionLevel.Heavy;
        if (speedRatio < 0.75 || jamFactor >= 4) return CongestionLevel.Moderate;
        return CongestionLevel.Free;
    }

    /// <summary>
    /// A HERE-like jam factor for sources that have none: 11 × (1 − ratio), clamped to 0–10 and rounded to
    /// 0.1. Chosen so it never classifies worse than the ratio alone (ratio 0.75 → 2.75, 0.5 → 5.5, 0.25 → 8.25).
    /// </summary>
    public static double EstimateJamFactor(double speedRatio) =>
        Math.Round(Math.Clamp(11 * (1 - speedRatio), 0, 10), 1);
}
