using Confluent.Kafka;

namespace TrafficOrleans.Ingest.IntegrationTests.Infrastructure;

/// <summary>Reads a topic back with a real Confluent consumer (manual assignment of every partition, from the start).</summary>
public static class TopicReader
{
    /// <summary>Consumes until <paramref name="expected"/> messages were read or the deadline passes; returns what was read.</summary>
    public static List<ConsumeResult<string?, byte[]>> Read(string bootstrapServers, string topic, int expected, TimeSpan deadline)
    {
        using var consumer = new ConsumerBuilder<string?, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrapServers,
            GroupId = $"test-{Guid.NewGuid():N}",
            EnableAutoCommit = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
        }).Build();
        consumer.Assign(Enumerable.Range(0, EmbeddedBroker.Partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var results = new List<ConsumeResult<string?, byte[]>>();
        var end = DateTime.UtcNow + deadline;
        while (results.Count < expected && DateTime.UtcNow < end)
        {
            var result = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (result is { IsPartitionEOF: false, Message: not null }) results.Add(result);
        }

        consumer.Close();
        return results;
    }
}
