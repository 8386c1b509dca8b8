namespace TrafficOrleans.Bench.Push;

/// <summary>One phase's result: what was produced and delivered, and the reading→client latency percentiles (ms).</summary>
public sealed record LatencyRow(string Phase, long Readings, long Alerts, long Expected, long Received, double P50, double P99, double Max)
{
    /// <summary>The row of <paramref name="latencies"/>.</summary>
    public static LatencyRow Of(string phase, long readings, long alerts, long expected, long received, double[] latencies)
    {
        ArgumentNullException.ThrowIfNull(latencies);
        Array.Sort(latencies);
        return new(phase, readings, alerts, expected, received, Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies.Length == 0 ? double.NaN : latencies[^1]);
    }

    /// <summary>Nearest-rank percentile of sorted values (NaN when empty).</summary>
    public static double Percentile(double[] sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    /// <summary>The row in the README's table format.</summary>
    public override string ToString() =>
        FormattableString.Invariant($"| {Phase} | {Readings:N0} | {Alerts:N0} | {Expected:N0} | {Received:N0} | {P50:0} | {P99:0} | {Max:0} |");
}
