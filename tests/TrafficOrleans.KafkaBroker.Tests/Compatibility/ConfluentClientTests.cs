using System.Text;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using TrafficOrleans.KafkaBroker.Tests.Infrastructure;

namespace TrafficOrleans.KafkaBroker.Tests.Compatibility;

/// <summary>Confluent.Kafka (librdkafka) producer, consumer and admin client against the broker.</summary>
public sealed class ConfluentClientTests
{
    [Fact]
    public async Task Idempotent_producer_messages_come_back_with_keys_headers_and_offsets()
    {
        await using var broker = await TestBroker.StartAsync();
        await ConfluentClients.CreateTopicAsync(broker, "readings", 1);

        var delivered = await ConfluentClients.ProduceAsync(broker, "readings", 0, Enumerable.Range(0, 10).Select(i => ($"seg-{i}", $"speed={i * 10}")));

        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), delivered.Select(d => d.Offset.Value));
        using var consumer = new ConsumerBuilder<string, string>(ConfluentClients.ConsumerConfig(broker, "unused")).Build();
        consumer.Assign(new TopicPartitionOffset("readings", 0, Offset.Beginning));
        var received = ConfluentClients.ConsumeExactly(consumer, 10);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(i, received[i].Offset.Value);
            Assert.Equal($"seg-{i}", received[i].Message.Key);
            Assert.Equal($"speed={i * 10}", received[i].Message.Value);
            var header = Assert.Single(received[i].Message.Headers);
            Assert.Equal("source", header.Key);
            Assert.Equal($"h-seg-{i}", Encoding.UTF8.GetString(header.GetValueBytes()));
        }
    }

    // The silo's high-volume consumers ask the broker to gather 64 KB or wait (KafkaConsumerConfig.WithBulkFetch): a
    // broker that held such a fetch until the bytes were there would stall a quiet topic for good.
    [Fact]
    public async Task A_bulk_fetch_gets_a_lone_message_once_its_wait_is_over_and_a_burst_whole()
    {
        await using var broker = await TestBroker.StartAsync();
        await ConfluentClients.CreateTopicAsync(broker, "bulk", 1);
        var config = ConfluentClients.ConsumerConfig(broker, "bulk-readers");
        config.FetchMinBytes = 64 * 1024;
        config.FetchWaitMaxMs = 20;
        using var consumer = new ConsumerBuilder<string, string>(config).Build();
        consumer.Assign(new TopicPartitionOffset("bulk", 0, Offset.Beginning));

        await ConfluentClients.ProduceAsync(broker, "bulk", 0, [("lone", "far below the minimum")]);
        var lone = ConfluentClients.ConsumeExactly(consumer, 1);
        await ConfluentClients.ProduceAsync(broker, "bulk", 0, Enumerable.Range(0, 200).Select(i => ($"k{i}", new string('x', 500))));
        var burst = ConfluentClients.ConsumeExactly(consumer, 200);

        Assert.Equal(("lone", 0L), (lone[0].Message.Key, lone[0].Offset.Value));
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), burst.Select(r => r.Offset.Value));
    }

    [Fact]
    public async Task Assign_and_seek_start_at_the_requested_offsets()
    {
        await using var broker = await TestBroker.StartAsync();
        await ConfluentClients.CreateTopicAsync(broker, "seek", 1);
        await ConfluentClients.ProduceAsync(broker, "seek", 0, Enumerable.Range(0, 10).Select(i => ($"k{i}", $"v{i}")));

        using var consumer = new ConsumerBuilder<string, string>(ConfluentClients.ConsumerConfig(broker, "seekers")).Build();
        consumer.Assign(new TopicPartitionOffset("seek", 0, 3));
        var first = ConfluentClients.ConsumeExactly(consumer, 1)[0];
        consumer.Seek(new TopicPartitionOffset("seek", 0, 7));
        var afterSeek = ConfluentClients.ConsumeExactly(consumer, 3);

        Assert.Equal((3, "k3", "v3"), (first.Offset.Value, first.Message.Key, first.Message.Value));
        Assert.Equal([7L, 8L, 9L], afterSeek.Select(r => r.Offset.Value));
        Assert.Equal(["v7", "v8", "v9"], afterSeek.Select(r => r.Message.Value));
        var watermarks = consumer.QueryWatermarkOffsets(new TopicPartition("seek", 0), TimeSpan.FromSeconds(10));
        Assert.Equal((0L, 10L), (watermarks.Low.Value, watermarks.High.Value));
    }

    [Fact]
    public async Task Admin_client_creates_topics_and_reports_kafka_errors()
    {
        await using var broker = await TestBroker.StartAsync();
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = broker.BootstrapServers }).Build();

        await admin.CreateTopicsAsync([new TopicSpecification { Name = "segments.speed", NumPartitions = 3, ReplicationFactor = 1, Configs = new() { ["retention.ms"] = "60000" } }]);
        var duplicate = await Assert.ThrowsAsync<CreateTopicsException>(() =>
            admin.CreateTopicsAsync([new TopicSpecification { Name = "segments.speed", NumPartitions = 1, ReplicationFactor = 1 }]));
        var collision = await Assert.ThrowsAsync<CreateTopicsException>(() =>
            admin.CreateTopicsAsync([new TopicSpecification { Name = "segments_speed", NumPartitions = 1, ReplicationFactor = 1 }]));
        var replicated = await Assert.ThrowsAsync<CreateTopicsException>(() =>
            admin.CreateTopicsAsync([new TopicSpecification { Name = "replicated", NumPartitions = 1, ReplicationFactor = 3 }]));
        await admin.CreateTopicsAsync([new TopicSpecification { Name = "dry-run", NumPartitions = 1, ReplicationFactor = 1 }], new CreateTopicsOptions { ValidateOnly = true });

        Assert.Equal(ErrorCode.TopicAlreadyExists, duplicate.Results[0].Error.Code);
        Assert.Equal(ErrorCode.TopicException, collision.Results[0].Error.Code);
        Assert.Equal(ErrorCode.InvalidReplicationFactor, replicated.Results[0].Error.Code);
        var metadata = admin.GetMetadata(TimeSpan.FromSeconds(10));
        var topic = Assert.Single(metadata.Topics);
        Assert.Equal("segments.speed", topic.Topic);
        Assert.Equal([0, 1, 2], topic.Partitions.Select(p => p.PartitionId).Order());
    }
}
