using TrafficOrleans.Ingest.Time;
using TrafficOrleans.Storage.Postgres;

namespace TrafficOrleans.Ingest.Simulation;

/// <summary>Where a simulator that continues the stored history starts its clock.</summary>
public static class SimulatorStart
{
    /// <summary>
    /// The tick after <paramref name="latest"/> when that lies after <paramref name="now"/> (an accelerated run left
    /// history ahead of wall time); null — start now — when the history is empty or ends in the past.
    /// </summary>
    public static DateTimeOffset? AfterHistory(LatestTick? latest, DateTimeOffset now, TimeSpan interval)
    {
        if (latest is null) return null;
        var next = Ticks.Floor(latest.Timestamp, interval) + interval;
        return next > now ? next : null;
    }
}
