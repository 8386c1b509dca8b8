using Orleans;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streams;

namespace TrafficOrleans.Kafka.Providers;

/// <summary>
/// The messages of one stream (one Kafka key) taken from a partition in one pull, in offset order, as one
/// Orleans batch. Grouping by key keeps the queue cache small (its cursors scan every cached batch) and
/// lets a batch observer receive a stream's backlog in one call. Each event keeps its own offset as its
/// sequence number; the batch is ordered in the cache by its first offset.
/// </summary>
[GenerateSerializer]
public sealed class KafkaBatchContainer : IBatchContainer
{
    /// <summary>Creates the batch of one stream's consumed messages (at least one, in offset order).</summary>
    public KafkaBatchContainer(StreamId streamId, IReadOnlyList<KafkaEvent> events, string topic, int partition)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentOutOfRangeException.ThrowIfZero(events.Count);
        StreamId = streamId;
        Events = events;
        Topic = topic;
        Partition = partition;
        Token = new EventSequenceTokenV2(events[0].Offset);
    }

    /// <inheritdoc />
    [Id(0)] public StreamId StreamId { get; private set; }

    /// <summary>The decoded message values with their offsets.</summary>
    [Id(1)] public IReadOnlyList<KafkaEvent> Events { get; private set; }

    /// <summary>Source topic.</summary>
    [Id(2)] public string Topic { get; private set; }

    /// <summary>Source partition.</summary>
    [Id(3)] public int Partition { get; private set; }

    [Id(4)] private EventSequenceTokenV2 Token { get; set; }

    /// <summary>The offsets of the messages in this batch.</summary>
    public IEnumerable<long> Offsets => Events.Select(e => e.Offset);

    /// <inheritdoc />
    public StreamSequenceToken SequenceToken => Token;

    /// <inheritdoc />
    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>()
    {
        foreach (var (value, offset) in Events)
        {
            if (value is T typed) yield return Tuple.Create(typed, (StreamSequenceToken)new EventSequenceTokenV2(offset));
        }
    }

    /// <inheritdoc />
    public bool ImportRequestContext() => false;

    /// <inheritdoc />
    public override string ToString() => $"[Kafka {Topic}/{Partition}@{Events[0].Offset}+{Events.Count} {StreamId}]";
}
