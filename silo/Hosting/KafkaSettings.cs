using TrafficOrleans.Kafka;

namespace TrafficOrleans.Silo.Hosting;

/// <summary>
/// The <c>Kafka</c> configuration section: where the cluster is and how the product's topics are laid out.
/// Pointing <see cref="BootstrapServers"/> at a real Kafka cluster (and disabling the embedded broker) is all
/// production needs; security settings go in <see cref="ClientConfig"/>.
/// </summary>
public sealed class KafkaSettings : KafkaConnectionOptions
{
    /// <summary>Partitions of each topic when created (and expected of existing ones).</summary>
    public int Partitions { get; set; } = 8;

    /// <summary>Replication factor of created topics (1 for the development broker).</summary>
    public short ReplicationFactor { get; set; } = 1;

    /// <summary>
    /// Create missing topics through the admin API at start-up. Turn it off where an operator owns the topics (Strimzi
    /// <c>KafkaTopic</c> resources, a managed Kafka without admin rights): the silo then only checks that they exist
    /// with the expected partition count and stops with a clear message if not.
    /// </summary>
    public bool CreateTopics { get; set; } = true;

    /// <summary>
    /// How soon the road grains' pulling agents look again at a <c>traffic-raw</c> partition that was empty
    /// (<see cref="KafkaStreamOptions.PollInterval"/>): half of it is added on average to every tick's reading → alert time.
    /// </summary>
    public TimeSpan StreamPollInterval { get; set; } = KafkaStreamOptions.DefaultPollInterval;

    /// <summary>The development broker started inside the silo (Local profile); never use it in production.</summary>
    public EmbeddedBrokerSettings EmbeddedBroker { get; set; } = new();
}
