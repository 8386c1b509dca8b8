using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace TrafficOrleans.KafkaBroker.Tests.Infrastructure;

/// <summary>Confluent.Kafka (librdkafka) helpers shared by the compatibility tests.</summary>
public static class ConfluentClients
{
    public static async Task CreateTopicAsync(KafkaBroker broker, string topic, int partitions, Dictionary<string, string>? configs = null)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = broker.BootstrapServers }).Build();
        await admin.CreateTopicsAsync([new TopicSpecification { Name = topic, NumPartitions = partitions, ReplicationFactor = 1, Configs = configs }]);
    }

    public static IProducer<string, string> Producer(KafkaBroker broker) =>
        new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = broker.BootstrapServers, EnableIdempotence = true, LingerMs = 1 }).Build();

    public static ConsumerConfig ConsumerConfig(KafkaBroker broker, string groupId) => new()
    {
        BootstrapServers = broker.BootstrapServers,
        GroupId = groupId,
        AutoOffsetReset = AutoOffsetReset.Earliest,
        EnableAutoCommit = false,
        SessionTimeoutMs = 10_000,
        HeartbeatIntervalMs = 200,
        EnablePartitionEof = false,
    };

    public static async Task<List<DeliveryResult<string, string>>> ProduceAsync(KafkaBroker broker, string topic, int partition, IEnumerable<(string Key, string Value)> messages)
    {
        using var producer = Producer(broker);
        var results = new List<DeliveryResult<string, string>>();
        foreach (var (key, value) in messages)
        {
            var headers = new Headers { { "source", System.Text.Encoding.UTF8.GetBytes($"h-{key}") } };
            results.Add(await producer.ProduceAsync(new TopicPartition(topic, partition), new Message<string, string> { Key = key, Value = value, Headers = headers }));
        }

        return results;
    }

    /// <summary>Consumes until <paramref name="count"/> messages arrived or the deadline passed.</summary>
    public static List<ConsumeResult<string, string>> ConsumeExactly(IConsumer<string, string> consumer, int count)
    {
        var results = new List<ConsumeResult<string, string>>();
        var deadline = DateTime.UtcNow + Eventually.DefaultTimeout;
        while (results.Count < count && DateTime.UtcNow < deadline)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { IsPartitionEOF: false } result)
            {
                results.Add(result);
            }
        }

        Assert.Equal(count, results.Count);
        return results;
    }
}
