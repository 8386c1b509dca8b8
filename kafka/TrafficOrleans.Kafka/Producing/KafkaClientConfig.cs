using Confluent.Kafka;

namespace TrafficOrleans.Kafka.Producing;

/// <summary>Builds the producer and admin client configurations from the <c>Kafka</c> section (plus the passthrough settings).</summary>
public static class KafkaClientConfig
{
    /// <summary>
    /// The idempotent, acks=all producer every write of a host goes through. <c>Partitioner = Murmur2</c> is Kafka's
    /// default (Java) key partitioner, the one the stream provider's queue mapper assumes, so a road's readings land on
    /// the partition its grain's queue reads whichever component produced them.
    /// </summary>
    public static ProducerConfig Producer(KafkaConnectionOptions connection, KafkaProducerOptions options, string clientId)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        return new ProducerConfig(Passthrough(connection.ClientConfig))
        {
            BootstrapServers = connection.BootstrapServers,
            ClientId = clientId,
            EnableIdempotence = true,
            Acks = Acks.All,
            // Grains await each produce, so a long linger would be paid per reading; 2 ms still batches busy partitions.
            LingerMs = 2,
            MessageTimeoutMs = (int)options.DeliveryTimeout.TotalMilliseconds,
            QueueBufferingMaxMessages = options.BufferMessages,
            // Dead-lettered values may exceed the stream provider's limit; keep room so the DLQ never refuses them.
            MessageMaxBytes = 8_000_000,
            Partitioner = Partitioner.Murmur2,
        };
    }

    /// <summary>Admin client for topic creation and metadata.</summary>
    public static AdminClientConfig Admin(KafkaStreamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Admin(options.BootstrapServers, options.ClientConfig);
    }

    /// <summary>Admin client for metadata, from the <c>Kafka</c> section (consumer lag).</summary>
    public static AdminClientConfig Admin(KafkaConnectionOptions connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return Admin(connection.BootstrapServers, connection.ClientConfig);
    }

    /// <summary>The passthrough settings with secrets replaced, for logs.</summary>
    public static string Describe(KafkaStreamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return KafkaConnectionOptions.Describe(options.BootstrapServers, options.ClientConfig);
    }

    private static AdminClientConfig Admin(string bootstrapServers, IReadOnlyDictionary<string, string> clientConfig) =>
        new(Passthrough(clientConfig)) { BootstrapServers = bootstrapServers };

    private static Dictionary<string, string> Passthrough(IReadOnlyDictionary<string, string> clientConfig) => new(clientConfig, StringComparer.Ordinal);
}
