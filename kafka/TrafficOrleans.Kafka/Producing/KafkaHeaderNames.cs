namespace TrafficOrleans.Kafka.Producing;

/// <summary>
/// Kafka header names the provider reads and writes. Orleans metadata travels in headers so that
/// message values stay the product's plain JSON for tools outside Orleans.
/// </summary>
public static class KafkaHeaderNames
{
    /// <summary>CLR type of the event, written by Orleans producers (informational).</summary>
    public const string EventType = "orleans-event-type";

    /// <summary>The <see cref="EventType"/> value of an event type: what the stream provider writes and outbox writers copy.</summary>
    public static string EventTypeName(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type.FullName ?? type.Name;
    }

    /// <summary>Orleans stream namespace the message was produced to.</summary>
    public const string StreamNamespace = "orleans-stream-namespace";

    /// <summary>Why a message was dead-lettered.</summary>
    public const string DeadLetterReason = "dlq-reason";

    /// <summary>Machine-readable category of the rejection (malformed-json, missing-key, too-large, …).</summary>
    public const string DeadLetterCategory = "dlq-category";

    /// <summary>Topic the dead-lettered message was read from.</summary>
    public const string DeadLetterSourceTopic = "dlq-source-topic";

    /// <summary>Partition the dead-lettered message was read from.</summary>
    public const string DeadLetterSourcePartition = "dlq-source-partition";

    /// <summary>Offset of the dead-lettered message.</summary>
    public const string DeadLetterSourceOffset = "dlq-source-offset";

    /// <summary>Consumer group that rejected the message.</summary>
    public const string DeadLetterConsumerGroup = "dlq-consumer-group";

    /// <summary>When it was rejected (ISO-8601 UTC).</summary>
    public const string DeadLetterRejectedAt = "dlq-rejected-at";
}
