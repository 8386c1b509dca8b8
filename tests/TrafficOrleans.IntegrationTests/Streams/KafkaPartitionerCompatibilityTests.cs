using System.Text;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using TrafficOrleans.IntegrationTests.Infrastructure;
using TrafficOrleans.Kafka.Producing;

namespace TrafficOrleans.IntegrationTests.Streams;

/// <summary>Our partitioner chooses the partition librdkafka's Java-compatible murmur2 partitioner chooses, for every key.</summary>
[Collection(ServersCollection.Name)]
public sealed class KafkaPartitionerCompatibilityTests
{
    [Fact]
    public async Task Partition_of_every_key_matches_librdkafka_murmur2()
    {
        await using var broker = await ServersFixture.StartPrivateBrokerAsync();
        using (var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = broker.BootstrapServers }).Build())
        {
            await admin.CreateTopicsAsync([new TopicSpecification { Name = "partitioning", NumPartitions = 7, ReplicationFactor = 1 }]);
        }

        using var producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig { BootstrapServers = broker.BootstrapServers, Partitioner = Partitioner.Murmur2 }).Build();
        var keys = Enumerable.Range(0, 300).Select(i => i % 3 == 0 ? $"hanoi_rd_{i}" : $"{Guid.NewGuid()}-{i}").Append("").Append("x").Append("ab").Append("abc").ToList();
        foreach (var key in keys)
        {
            var bytes = Encoding.UTF8.GetBytes(key);
            var delivered = await producer.ProduceAsync("partitioning", new Message<byte[], byte[]> { Key = bytes, Value = [1] });
            Assert.Equal(delivered.Partition.Value, KafkaPartitioner.PartitionFor(bytes, 7));
        }
    }
}
