namespace TrafficOrleans.Ingest.Time;

/// <summary>Poll ticks aligned to the clock (…:00, :05, :10 for a 5-minute interval), in UTC.</summary>
public static class Ticks
{
    /// <summary>The latest tick at or before <paramref name="instant"/>.</summary>
    public static DateTimeOffset Floor(DateTimeOffset instant, TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        var utc = instant.UtcTicks;
        return new DateTimeOffset(utc - utc % interval.Ticks, TimeSpan.Zero);
    }

    /// <summary>The first tick strictly after <paramref name="instant"/>.</summary>
    public static DateTimeOffset Next(DateTimeOffset instant, TimeSpan interval) => Floor(instant, interval) + interval;
}
