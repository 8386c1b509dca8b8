using Confluent.Kafka;
using Microsoft.Extensions.Options;
using TrafficOrleans.Grains.Routing;
using TrafficOrleans.Kafka;
using TrafficOrleans.Kafka.Consuming;

namespace TrafficOrleans.Silo.Routing;

/// <summary>
/// The Kafka clients of routing: one shared producer (route-updates and dead letters) and the route-graph
/// consumer configuration. The producer is created lazily so a silo without a broker still starts.
/// </summary>
public sealed class RoutingKafkaClients(IOptions<KafkaConnectionOptions> kafka, IOptions<RoutingOptions> routing) : IDisposable
{
    private readonly Lazy<IProducer<string?, byte[]>> _producer = new(() => new ProducerBuilder<string?, byte[]>(ProducerConfig(kafka.Value)).Build());

    /// <summary>Idempotent, acks=all producer shared by the grain and the consumer.</summary>
    public IProducer<string?, byte[]> Producer => _producer.Value;

    /// <summary>A consumer in the route-graph group: manual commits after the grain accepted a batch.</summary>
    public ConsumerConfig ConsumerConfig(string clientId) => KafkaConsumerConfig.GroupMember(kafka.Value, routing.Value.ConsumerGroup, clientId);

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_producer.IsValueCreated) return;
        _producer.Value.Flush(TimeSpan.FromSeconds(5));
        _producer.Value.Dispose();
    }

    private static ProducerConfig ProducerConfig(KafkaConnectionOptions options) => new(Passthrough(options))
    {
        BootstrapServers = options.BootstrapServers,
        ClientId = "routing-producer",
        EnableIdempotence = true,
        Acks = Acks.All,
        LingerMs = 5,
        // A route-update that cannot be delivered in time is dropped; the next batch announces a newer version.
        MessageTimeoutMs = 30_000,
    };

    private static Dictionary<string, string> Passthrough(KafkaConnectionOptions options) => new(options.ClientConfig, StringComparer.Ordinal);
}
