namespace TrafficOrleans.KafkaBroker.Storage;

/// <summary>Per-topic settings (Kafka config names retention.ms / retention.bytes).</summary>
internal sealed record TopicConfig(long RetentionMs, long RetentionBytes);
