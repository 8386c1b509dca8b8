using Confluent.Kafka;

namespace TrafficOrleans.Kafka.Producing;

/// <summary>Builds the producer and admin client configurations from the provider options (plus the passthrough settings).</summary>
public static class KafkaClientConfig
{
    /// <summary>The idempotent, acks=all producer every write of the provider goes through.</summary>
    public static ProducerConfig Producer(KafkaStreamOptions options, string clientId)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = new ProducerConfig(Passthrough(options))
        {
            BootstrapServers = options.BootstrapServers,
            ClientId = clientId,
            EnableIdempotence = true,
            Acks = Acks.All,
            // Grains await each produce, so a long linger would be paid per reading; 2 ms still batches busy partitions.
            LingerMs = 2,
            QueueBufferingMaxMessages = options.ProducerBufferMessages,
            // Dead-lettered values may exceed the normal limit; keep room so the DLQ never refuses them.
            MessageMaxBytes = Math.Max(options.MaxMessageBytes, 1_000_000) * 8,
            Partitioner = Partitioner.Murmur2,
        };
        return config;
    }

    /// <summary>Admin client for topic creation and metadata.</summary>
    public static AdminClientConfig Admin(KafkaStreamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new AdminClientConfig(Passthrough(options)) { BootstrapServers = options.BootstrapServers };
    }

    /// <summary>The passthrough settings with secrets replaced, for logs.</summary>
    public static string Describe(KafkaStreamOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return KafkaConnectionOptions.Describe(options.BootstrapServers, options.ClientConfig);
    }

    private static Dictionary<string, string> Passthrough(KafkaStreamOptions options) => new(options.ClientConfig, StringComparer.Ordinal);
}
