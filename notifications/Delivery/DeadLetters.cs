using System.Globalization;
using Confluent.Kafka;
using TrafficOrleans.Ingest.Outbox;
using TrafficOrleans.Kafka.Producing;

namespace TrafficOrleans.Notifications.Delivery;

/// <summary>
/// The dead-letter message of a rejected prediction, written to the outbox in the batch's transaction (so it is
/// safe before the offset is committed): original key and value, plus the stream provider's reason headers.
/// </summary>
public static class DeadLetters
{
    /// <summary>The outbox message for <paramref name="source"/>; its dedup key is the source position, so a redelivery adds no second row.</summary>
    public static OutboxMessage For(ConsumeResult<string?, byte[]> source, string category, string reason, NotificationOptions options, DateTimeOffset rejectedAt)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var partition = source.Partition.Value.ToString(CultureInfo.InvariantCulture);
        var offset = source.Offset.Value.ToString(CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [KafkaHeaderNames.DeadLetterReason] = reason,
            [KafkaHeaderNames.DeadLetterCategory] = category,
            [KafkaHeaderNames.DeadLetterSourceTopic] = source.Topic,
            [KafkaHeaderNames.DeadLetterSourcePartition] = partition,
            [KafkaHeaderNames.DeadLetterSourceOffset] = offset,
            [KafkaHeaderNames.DeadLetterConsumerGroup] = options.ConsumerGroup,
            [KafkaHeaderNames.DeadLetterRejectedAt] = rejectedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        };
        return new OutboxMessage(options.DeadLetterTopic, source.Message.Key, source.Message.Value ?? [], headers,
            DedupKey: $"{options.ConsumerGroup}|{source.Topic}|{partition}|{offset}");
    }
}
