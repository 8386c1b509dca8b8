using Confluent.Kafka;
using TrafficOrleans.Kafka;

namespace TrafficOrleans.Outbox;

/// <summary>The relay's producer configuration: idempotent, acks=all, Java-compatible key partitioning.</summary>
public static class KafkaProducerFactory
{
    /// <summary>
    /// The producer configuration. <c>Partitioner = Murmur2</c> is Kafka's default (Java) key partitioner,
    /// the one the Orleans stream provider uses, so a road's readings land on the partition its grain's queue reads.
    /// </summary>
    public static ProducerConfig Config(KafkaConnectionOptions kafka, OutboxOptions outbox, string clientId)
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
    public static IProducer<string?, byte[]> Create(KafkaConnectionOptions kafka, OutboxOptions outbox, string clientId, Action<Error> onError) =>
        new ProducerBuilder<string?, byte[]>(Config(kafka, outbox, clientId))
            .SetErrorHandler((_, error) => onError(error))
            .Build();


}
