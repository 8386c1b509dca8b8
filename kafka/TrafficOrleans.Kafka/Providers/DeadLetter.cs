using Confluent.Kafka;

namespace TrafficOrleans.Kafka.Providers;

/// <summary>
/// A message on its way to the dead-letter topic: the original key, value and headers, where it was read from
/// (topic, partition, offset; -1 when unknown) and why it is rejected.
/// </summary>
public sealed record DeadLetter(
    string SourceTopic,
    int SourcePartition,
    long SourceOffset,
    string ConsumerGroup,
    byte[]? Key,
    byte[]? Value,
    Headers? Headers,
    Timestamp Timestamp,
    MessageRejection Rejection)
{
    /// <summary>The dead letter of a consumed message.</summary>
    public static DeadLetter Of(ConsumeResult<byte[]?, byte[]?> source, string consumerGroup, MessageRejection rejection)
    {
        ArgumentNullException.ThrowIfNull(source);
        return new(source.Topic, source.Partition.Value, source.Offset.Value, consumerGroup, source.Message.Key, source.Message.Value,
            source.Message.Headers, source.Message.Timestamp, rejection);
    }

    /// <summary>
    /// The message every producer of dead letters writes: the original key, value and timestamp, the original headers
    /// plus the <c>dlq-*</c> ones (<see cref="DeadLetterHeaders"/>).
    /// </summary>
    public Message<byte[]?, byte[]> ToMessage(DateTimeOffset rejectedAt) => new()
    {
        Key = Key,
        Value = Value ?? [],
        Headers = DeadLetterHeaders.ToKafka(this, rejectedAt),
        Timestamp = Timestamp,
    };
}
