namespace TrafficOrleans.Kafka.Providers;

/// <summary>
/// Decides the offset a receiver may commit: everything below it has been delivered by Orleans (its
/// cache purged it) or dead-lettered. Messages still in the cache hold the commit back, so a crash
/// replays them (at-least-once; grains dedupe by event id).
/// </summary>
public sealed class DeliveredOffsetTracker
{
    private readonly SortedSet<long> _inFlight = [];
    private long _nextToRead = -1;

    /// <summary>The last committed position (-1 before the first commit).</summary>
    public long Committed { get; private set; } = -1;

    /// <summary>A message was handed to Orleans and is not yet delivered.</summary>
    public void Received(long offset)
    {
        _inFlight.Add(offset);
        _nextToRead = Math.Max(_nextToRead, offset + 1);
    }

    /// <summary>A message was dead-lettered (durably) and needs no delivery.</summary>
    public void Skipped(long offset) => _nextToRead = Math.Max(_nextToRead, offset + 1);

    /// <summary>Orleans delivered these offsets (purged them from its cache).</summary>
    public void Delivered(IEnumerable<long> offsets)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        foreach (var offset in offsets) _inFlight.Remove(offset);
    }

    /// <summary>The position to commit now, or null when it would not move forward.</summary>
    public long? NextCommit()
    {
        if (_nextToRead < 0) return null;
        var position = _inFlight.Count > 0 ? _inFlight.Min : _nextToRead;
        return position > Committed ? position : null;
    }

    /// <summary>Records a successful commit.</summary>
    public void MarkCommitted(long position) => Committed = Math.Max(Committed, position);
}
