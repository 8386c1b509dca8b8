namespace TrafficOrleans.Kafka;

/// <summary>One Kafka topic and the Orleans stream namespace it carries.</summary>
public sealed class KafkaTopicOptions
{
    /// <summary>Kafka topic name, e.g. <c>traffic-raw</c>.</summary>
    public string Name { get; set; } = "";

    /// <summary>Orleans stream namespace; defaults to the topic name.</summary>
    public string? StreamNamespace { get; set; }

    /// <summary>Consumer group under which offsets of this topic are committed (e.g. <c>ml-prediction-group</c>).</summary>
    public string ConsumerGroup { get; set; } = "";

    /// <summary>CLR type of the JSON values; messages that do not deserialize to it go to the dead-letter topic.</summary>
    public Type? EventType { get; set; }

    /// <summary>Partitions (used when the topic is created, and checked against an existing topic).</summary>
    public int Partitions { get; set; } = 8;

    /// <summary>Replication factor when created (1 for the development broker, 3 on a real cluster).</summary>
    public short ReplicationFactor { get; set; } = 1;

    /// <summary><c>retention.ms</c> when the topic is created.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Whether silos pull this topic into Orleans streams (false: produce-only from Orleans).</summary>
    public bool Consume { get; set; } = true;

    /// <summary>The stream namespace actually used.</summary>
    public string Namespace => StreamNamespace ?? Name;
}
