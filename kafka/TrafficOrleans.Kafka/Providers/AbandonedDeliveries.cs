using System.Collections.Concurrent;
using Orleans.Runtime;
using Orleans.Streams;

namespace TrafficOrleans.Kafka.Providers;

/// <summary>
/// Deliveries Orleans gave up on for one queue, handed from its failure handler to its receiver. Orleans' cache
/// never reports such a batch as delivered, so without this the receiver would hold the partition's offset back
/// for good (and every restart would replay the partition from there).
/// </summary>
public sealed class AbandonedDeliveries
{
    private readonly ConcurrentQueue<(StreamId Stream, long FromOffset)> _abandoned = new();

    /// <summary>Orleans gave up delivering <paramref name="stream"/> from <paramref name="token"/> on.</summary>
    public void Abandon(StreamId stream, StreamSequenceToken? token) => Abandon(stream, token?.SequenceNumber ?? 0);

    /// <summary>Orleans gave up delivering <paramref name="stream"/> from offset <paramref name="fromOffset"/> on.</summary>
    public void Abandon(StreamId stream, long fromOffset) => _abandoned.Enqueue((stream, fromOffset));

    /// <summary>Takes the next abandoned delivery, if any.</summary>
    public bool TryTake(out StreamId stream, out long fromOffset)
    {
        var taken = _abandoned.TryDequeue(out var item);
        (stream, fromOffset) = item;
        return taken;
    }
}
