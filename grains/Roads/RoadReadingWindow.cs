using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Grains.Roads;

/// <summary>
/// A road's recent readings at the 5-minute cadence plus the event ids it has already applied.
/// Plain domain logic, persisted as the RoadGrain's state and unit-tested without a silo.
/// </summary>
[GenerateSerializer]
public sealed class RoadReadingWindow
{
    /// <summary>One hour of 5-minute readings: what the forecasting models look back on.</summary>
    public const int DefaultCapacity = 12;

    /// <summary>How many recent event ids are remembered for dedupe (well beyond any redelivery window).</summary>
    public const int RememberedEventIds = 64;

    /// <summary>Readings, oldest first.</summary>
    [Id(0)] public List<TrafficReading> Readings { get; set; } = [];

    /// <summary>Recently applied event ids, oldest first.</summary>
    [Id(1)] public List<Guid> RecentEventIds { get; set; } = [];

    /// <summary>How many readings were ignored as duplicates or out of order.</summary>
    [Id(2)] public long IgnoredReadings { get; set; }

    /// <summary>The newest reading, if any.</summary>
    public TrafficReading? Latest => Readings.Count == 0 ? null : Readings[^1];

    /// <summary>Applies a reading; false for a duplicate event id or a reading not newer than <see cref="Latest"/>.</summary>
    public bool TryApply(TrafficReading reading, int capacity = DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (RecentEventIds.Contains(reading.EventId) || (Latest is { } latest && reading.Timestamp <= latest.Timestamp))
        {
            IgnoredReadings++;
            return false;
        }

        Readings.Add(reading);
        if (Readings.Count > capacity) Readings.RemoveRange(0, Readings.Count - capacity);
        RecentEventIds.Add(reading.EventId);
        if (RecentEventIds.Count > RememberedEventIds) RecentEventIds.RemoveRange(0, RecentEventIds.Count - RememberedEventIds);
        return true;
    }
}
