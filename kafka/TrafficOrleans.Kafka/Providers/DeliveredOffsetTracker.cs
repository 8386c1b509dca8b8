namespace TrafficOrleans.Kafka.Providers;

/// <summary>
/// Decides the offset a receiver may commit: everything below it has been delivered by Orleans (its
/// cache purged it) or dead-lettered. Messages still in the cache hold the commit back, so a crash
/// replays them (at-least-once; grains dedupe by event id).
/// </summary>
public sealed class DeliveredOffsetTracker
{
    // Offsets arrive in increasing order, so the oldest undelivered one is at the head of this queue;
    // deliveries may come out of order and wait in _delivered until the head catches up with them.
    private readonly Queue<long> _inFlight = new();
    private readonly HashSet<long> _delivered = [];
    private long _nextToRead = -1;

    /// <summary>The last committed position (-1 before the first commit).</summary>
    public long Committed { get; private set; } = -1;

    /// <summary>A message was handed to Orleans and is not yet delivered.</summary>
    public void Received(long offset)
    {
        _inFlight.Enqueue(offset);
        _nextToRead = Math.Max(_nextToRead, offset + 1);
    }

    /// <summary>A message was dead-lettered (durably) and needs no delivery.</summary>
    public void Skipped(long offset) => _nextToRead = Math.Max(_nextToRead, offset + 1);

    /// <summary>Orleans delivered these offsets (purged them from its cache).</summary>
    public void Delivered(IEnumerable<long> offsets)
    {
        ArgumentNullException.ThrowIfNull(offsets);
        foreach (var offset in offsets) _delivered.Add(offset);
        while (_inFlight.TryPeek(out var oldest) && _delivered.Remove(oldest)) _inFlight.Dequeue();
    }

    /// <summary>The position to commit now, or null when it would not move forward.</summary>
    public long? NextCommit()
    {
        if (_nextToRead < 0) return null;
        var position = _inFlight.TryPeek(out var oldest) ? oldest : _nextToRead;
        return position > Committed ? position : null;
    }

    /// <summary>Records a successful commit.</summary>
    public void MarkCommitted(long position) => Committed = Math.Max(Committed, position);
}
