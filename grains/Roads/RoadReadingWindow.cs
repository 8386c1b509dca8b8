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

    /// <summary>Readings ignored because their event id was already applied (at-least-once redelivery).</summary>
    [Id(2)] public long DuplicateReadings { get; set; }

    /// <summary>How many readings were applied over the road's life.</summary>
    [Id(3)] public long AppliedReadings { get; set; }

    /// <summary>Readings ignored because they were not newer than the latest applied one.</summary>
    [Id(4)] public long OutOfOrderReadings { get; set; }

    /// <summary>The newest reading, if any.</summary>
    public TrafficReading? Latest => Readings.Count == 0 ? null : Readings[^1];

    /// <summary>Applies a reading; false for a duplicate event id or a reading not newer than <see cref="Latest"/>.</summary>
    public bool TryApply(TrafficReading reading, int capacity = DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (RecentEventIds.Contains(reading.EventId))
        {
            DuplicateReadings++;
            return false;
        }

        if (Latest is { } latest && reading.Timestamp <= latest.Timestamp)
        {
            OutOfOrderReadings++;
            return false;
        }

        Readings.Add(reading);
        AppliedReadings++;
        if (Readings.Count > capacity) Readings.RemoveRange(0, Readings.Count - capacity);
        RecentEventIds.Add(reading.EventId);
        if (RecentEventIds.Count > RememberedEventIds) RecentEventIds.RemoveRange(0, RecentEventIds.Count - RememberedEventIds);
        return true;
    }

    /// <summary>Remembers the id of a reading that was rejected, so that a redelivery of it is ignored as a duplicate.</summary>
    public void RememberRejected(Guid eventId)
    {
        if (RecentEventIds.Contains(eventId)) return;
        RecentEventIds.Add(eventId);
        if (RecentEventIds.Count > RememberedEventIds) RecentEventIds.RemoveRange(0, RecentEventIds.Count - RememberedEventIds);
    }

    /// <summary>
    /// Brings a window restored from an older saved state up to date with readings applied since
    /// (oldest first, all newer than <see cref="Latest"/>), of which there were <paramref name="total"/> in all.
    /// </summary>
    public void CatchUp(IReadOnlyList<TrafficReading> newer, long total, int capacity = DefaultCapacity)
    {
        ArgumentNullException.ThrowIfNull(newer);
        foreach (var reading in newer)
        {
            if (Latest is { } latest && reading.Timestamp <= latest.Timestamp) continue;
            Readings.Add(reading);
            RecentEventIds.Add(reading.EventId);
        }

        if (Readings.Count > capacity) Readings.RemoveRange(0, Readings.Count - capacity);
        if (RecentEventIds.Count > RememberedEventIds) RecentEventIds.RemoveRange(0, RecentEventIds.Count - RememberedEventIds);
        AppliedReadings += total;
    }
}
