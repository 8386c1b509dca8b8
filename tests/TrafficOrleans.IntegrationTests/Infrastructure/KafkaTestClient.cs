using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.IntegrationTests.Infrastructure;

/// <summary>Plain Confluent.Kafka clients, as an external producer or operator would use them.</summary>
public static class KafkaTestClient
{
    /// <summary>Produces readings as the original design's JSON, key = road_id, Java-compatible partitioning.</summary>
    public static async Task ProduceReadingsAsync(string bootstrapServers, IEnumerable<TrafficReading> readings)
    {
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            EnableIdempotence = true,
            Acks = Acks.All,
            LingerMs = 5,
            Partitioner = Partitioner.Murmur2,
        }).Build();
        foreach (var reading in readings)
        {
            producer.Produce("traffic-raw", new Message<string, byte[]> { Key = reading.RoadId, Value = JsonSerializer.SerializeToUtf8Bytes(reading, TrafficJson.Options) });
        }

        await Task.Run(() => producer.Flush(TimeSpan.FromSeconds(60)));
    }

    /// <summary>Produces raw bytes (for malformed input tests).</summary>
    public static async Task ProduceRawAsync(string bootstrapServers, string topic, byte[]? key, byte[] value)
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers,
            Acks = Acks.All,
            MessageMaxBytes = 10_000_000,
        }).Build();
        await producer.ProduceAsync(topic, new Message<byte[]?, byte[]> { Key = key, Value = value });
    }

    /// <summary>Reads a topic from the beginning until <paramref name="done"/> holds for what was read, or the deadline.</summary>
    public static List<ConsumeResult<byte[]?, byte[]?>> ReadUntil(
        string bootstrapServers, string topic, Func<List<ConsumeResult<byte[]?, byte[]?>>, bool> done, TimeSpan timeout)
    {
        using var consumer = new ConsumerBuilder<byte[]?, byte[]?>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"test-reader-{Guid.NewGuid():N}",
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
            FetchMaxBytes = 20_000_000,
            MaxPartitionFetchBytes = 20_000_000,
        }).Build();
        consumer.Subscribe(topic);
        var read = new List<ConsumeResult<byte[]?, byte[]?>>();
        var deadline = DateTime.UtcNow + timeout;
        while (!done(read))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out reading {topic}; read {read.Count} messages.");
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result is not null && !result.IsPartitionEOF) read.Add(result);
        }

        consumer.Close();
        return read;
    }

    /// <summary>A header's value as text, or null.</summary>
    public static string? Header(ConsumeResult<byte[]?, byte[]?> result, string name) =>
        result.Message.Headers is { } headers && headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;

    /// <summary>Committed offsets of a group on every partition of a topic (-1001 = none).</summary>
    public static IReadOnlyList<long> CommittedOffsets(string bootstrapServers, string group, string topic, int partitions)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = group }).Build();
        var committed = consumer.Committed(Enumerable.Range(0, partitions).Select(p => new TopicPartition(topic, p)), TimeSpan.FromSeconds(10));
        return committed.OrderBy(c => c.Partition.Value).Select(c => c.Offset.Value).ToList();
    }

    /// <summary>High watermarks of every partition of a topic.</summary>
    public static IReadOnlyList<long> EndOffsets(string bootstrapServers, string topic, int partitions)
    {
        using var consumer = new ConsumerBuilder<byte[], byte[]>(new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = "watermarks" }).Build();
        return Enumerable.Range(0, partitions)
            .Select(p => consumer.QueryWatermarkOffsets(new TopicPartition(topic, p), TimeSpan.FromSeconds(10)).High.Value)
            .ToList();
    }
}
