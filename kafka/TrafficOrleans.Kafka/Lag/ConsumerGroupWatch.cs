namespace TrafficOrleans.Kafka.Lag;

/// <summary>A consumer group whose lag on a topic <c>GET /system/status</c> reports (configuration: <c>Kafka:ConsumerLag:Watch</c>).</summary>
public sealed class ConsumerGroupWatch
{
    /// <summary>The consumer group whose committed offsets are read.</summary>
    public string Group { get; set; } = "";

    /// <summary>The topic it reads.</summary>
    public string Topic { get; set; } = "";
}
