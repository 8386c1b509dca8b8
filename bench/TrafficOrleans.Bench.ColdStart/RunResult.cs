namespace TrafficOrleans.Bench.ColdStart;

/// <summary>One start of the silo: seconds until ready, then the cold and the warm latency window.</summary>
public sealed record RunResult(bool Warmup, double ReadySeconds, LatencySummary Cold, LatencySummary Warm);
