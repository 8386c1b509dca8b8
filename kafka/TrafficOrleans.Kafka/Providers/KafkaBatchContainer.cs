using Orleans;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streams;

namespace TrafficOrleans.Kafka.Providers;

/// <summary>One Kafka message as an Orleans batch: its decoded event, stream and position (offset = sequence number).</summary>
[GenerateSerializer]
public sealed class KafkaBatchContainer : IBatchContainer
{
    /// <summary>Creates the container of one consumed message.</summary>
    public KafkaBatchContainer(StreamId streamId, object @event, string topic, int partition, long offset)
    {
        StreamId = streamId;
        Event = @event;
        Topic = topic;
        Partition = partition;
        Offset = offset;
        Token = new EventSequenceTokenV2(offset);
    }

    /// <inheritdoc />
    [Id(0)] public StreamId StreamId { get; private set; }

    /// <summary>The decoded message value.</summary>
    [Id(1)] public object Event { get; private set; }

    /// <summary>Source topic.</summary>
    [Id(2)] public string Topic { get; private set; }

    /// <summary>Source partition.</summary>
    [Id(3)] public int Partition { get; private set; }

    /// <summary>Source offset.</summary>
    [Id(4)] public long Offset { get; private set; }

    [Id(5)] private EventSequenceTokenV2 Token { get; set; }

    /// <inheritdoc />
    public StreamSequenceToken SequenceToken => Token;

    /// <inheritdoc />
    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>()
    {
        if (Event is T typed) yield return Tuple.Create(typed, (StreamSequenceToken)Token);
    }

    /// <inheritdoc />
    public bool ImportRequestContext() => false;

    /// <inheritdoc />
    public override string ToString() => $"[Kafka {Topic}/{Partition}@{Offset} {StreamId}]";
}
