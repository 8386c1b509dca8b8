namespace TrafficOrleans.KafkaBroker.Storage;

/// <summary>Persisted description of a topic (data directory's topics.json).</summary>
internal sealed record TopicDefinition(string Name, int Partitions, long RetentionMs, long RetentionBytes);
