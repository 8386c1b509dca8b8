using Confluent.Kafka;

namespace TrafficOrleans.Ingest.Outbox;

/// <summary>The relay's producer configuration: idempotent, acks=all, Java-compatible key partitioning.</summary>
public static class KafkaProducerFactory
{
    /// <summary>
    /// The producer configuration. <c>Partitioner = Murmur2</c> is Kafka's default (Java) key partitioner,
    /// the one the Orleans stream provider uses, so a road's readings land on the partition its grain's queue reads.
    /// </summary>
    public static ProducerConfig Config(KafkaOptions kafka, OutboxOptions outbox, string clientId)
    {
        ArgumentNullException.ThrowIfNull(kafka);
        ArgumentNullException.ThrowIfNull(outbox);
        return new ProducerConfig(new Dictionary<string, string>(kafka.ClientConfig, StringComparer.Ordinal))
        {
            BootstrapServers = kafka.BootstrapServers,
            ClientId = clientId,
            EnableIdempotence = true,
            Acks = Acks.All,
            Partitioner = Partitioner.Murmur2,
            LingerMs = 5,
            MessageTimeoutMs = (int)outbox.DeliveryTimeout.TotalMilliseconds,
            QueueBufferingMaxMessages = Math.Max(100_000, outbox.BatchSize * 2),
        };
    }

    /// <summary>Builds the producer; client errors go to <paramref name="onError"/>.</summary>
    public static IProducer<string?, byte[]> Create(KafkaOptions kafka, OutboxOptions outbox, string clientId, Action<Error> onError) =>
        new ProducerBuilder<string?, byte[]>(Config(kafka, outbox, clientId))
            .SetErrorHandler((_, error) => onError(error))
            .Build();

    /// <summary>The connection settings for logs, with secret values replaced by <c>***</c>.</summary>
    public static string Describe(KafkaOptions kafka)
    {
        ArgumentNullException.ThrowIfNull(kafka);
        var parts = kafka.ClientConfig
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => $"{kv.Key}={(IsSecret(kv.Key) ? "***" : kv.Value)}");
        return string.Join(", ", parts.Prepend($"bootstrap.servers={kafka.BootstrapServers}"));
    }

    private static bool IsSecret(string key) =>
        key.Contains("password", StringComparison.OrdinalIgnoreCase)
        || key.Contains("secret", StringComparison.OrdinalIgnoreCase)
        || key.Contains("key", StringComparison.OrdinalIgnoreCase)
        || key.Contains("token", StringComparison.OrdinalIgnoreCase)
        || key.Contains("sasl.jaas", StringComparison.OrdinalIgnoreCase);
}
