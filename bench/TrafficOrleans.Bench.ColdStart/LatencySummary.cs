namespace TrafficOrleans.Bench.ColdStart;

/// <summary>Percentiles (ms) of one load window.</summary>
public readonly record struct LatencySummary(int Count, double P50, double P95)
{
    /// <summary>Summarises request latencies in milliseconds.</summary>
    public static LatencySummary Of(List<double> milliseconds)
    {
        if (milliseconds.Count == 0) return new LatencySummary(0, double.NaN, double.NaN);
        milliseconds.Sort();
        return new LatencySummary(milliseconds.Count, At(0.50), At(0.95));
        double At(double q) => milliseconds[Math.Min(milliseconds.Count - 1, (int)(q * milliseconds.Count))];
    }
}
