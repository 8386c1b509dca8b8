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

    /// <summary>The development broker started inside the silo (Local profile); never use it in production.</summary>
    public EmbeddedBrokerSettings EmbeddedBroker { get; set; } = new();
}
