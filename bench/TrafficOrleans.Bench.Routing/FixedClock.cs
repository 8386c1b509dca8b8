namespace TrafficOrleans.Bench.Routing;

/// <summary>A clock stopped at the weights' time, so "depart now" means the same forecast window on every query.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
