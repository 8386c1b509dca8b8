using System.Buffers.Text;
using Confluent.Kafka;
using TrafficOrleans.Kafka;
using TrafficOrleans.Kafka.Consuming;
using TrafficOrleans.Kafka.Producing;

namespace TrafficOrleans.Outbox;

/// <summary>
/// Reads topic partitions from given offsets to their end as of the call and collects the <see cref="OutboxHeaderNames.RowId"/>
/// of every message the relay published there. Blocking (Confluent's consumer API is); never joins a group or commits.
/// </summary>
internal sealed class OutboxLogScanner(KafkaConnectionOptions kafka)
{
    private static readonly TimeSpan PollTimeout = TimeSpan.FromMilliseconds(200);

    /// <summary>The partitions of <paramref name="topics"/> that exist, with their end offsets now.</summary>
    public Dictionary<TopicPartition, WatermarkOffsets> Partitions(IEnumerable<string> topics, TimeSpan timeout)
    {
        using var admin = new AdminClientBuilder(KafkaClientConfig.Admin(kafka)).Build();
        using var consumer = Consumer();
        var metadata = admin.GetMetadata(timeout);
        var partitions = new Dictionary<TopicPartition, WatermarkOffsets>();
        foreach (var topic in topics.Distinct(StringComparer.Ordinal))
        {
            foreach (var (partition, offsets) in PartitionWatermarks.Of(metadata, topic, consumer, timeout)) partitions[partition] = offsets;
        }

        return partitions;
    }

    /// <summary>
    /// Reads each partition from its start offset up to (not including) its end offset and returns the outbox row ids
    /// found and how many messages were read. Throws <see cref="TimeoutException"/> if the reads are not done by the deadline.
    /// </summary>
    public (HashSet<long> RowIds, long Messages) Scan(IReadOnlyList<(TopicPartition Partition, long Start, long End)> ranges, TimeSpan timeout)
    {
        var rowIds = new HashSet<long>();
        var pending = ranges.Where(r => r.End > r.Start).ToDictionary(r => r.Partition, r => r.End);
        if (pending.Count == 0) return (rowIds, 0);
        using var consumer = Consumer();
        consumer.Assign(ranges.Where(r => r.End > r.Start).Select(r => new TopicPartitionOffset(r.Partition, r.Start)));
        var deadline = DateTime.UtcNow + timeout;
        long messages = 0;
        while (pending.Count > 0)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"outbox log scan did not reach the end of {pending.Count} partition(s) within {timeout}");
            var result = consumer.Consume(PollTimeout);
            if (result is null) continue;
            if (!pending.TryGetValue(result.TopicPartition, out var end)) continue;
            if (!result.IsPartitionEOF)
            {
                messages++;
                if (TryRowId(result.Message.Headers, out var rowId)) rowIds.Add(rowId);
            }

            if (result.IsPartitionEOF || result.Offset.Value + 1 >= end) pending.Remove(result.TopicPartition);
        }

        consumer.Close();
        return (rowIds, messages);
    }

    private static bool TryRowId(Headers? headers, out long rowId)
    {
        rowId = 0;
        return headers is not null && headers.TryGetLastBytes(OutboxHeaderNames.RowId, out var bytes) && Utf8Parser.TryParse(bytes, out rowId, out _);
    }

    private IConsumer<byte[]?, byte[]?> Consumer()
    {
        var config = KafkaConsumerConfig.OffsetReader(kafka, $"outbox-reconciler-{Environment.MachineName}", $"outbox-reconciler-{Environment.MachineName}");
        config.EnablePartitionEof = true;
        return new ConsumerBuilder<byte[]?, byte[]?>(config).Build();
    }
}
