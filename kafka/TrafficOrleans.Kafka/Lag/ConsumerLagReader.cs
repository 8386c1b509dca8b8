using System.Collections.Concurrent;
using Confluent.Kafka;
using TrafficOrleans.Kafka.Consuming;
using TrafficOrleans.Kafka.Producing;

namespace TrafficOrleans.Kafka.Lag;

/// <summary>
/// Reads consumer lag from the broker: the topics' partitions from the cluster metadata, each partition's end (and
/// oldest retained) offset, and each group's committed offsets. The clients live as long as the reader, so a read costs
/// round trips, not connections. Every call is blocking and bounded by the timeout it is given; a broker that does not
/// answer ends the read with a <see cref="KafkaException"/>.
/// </summary>
public sealed class ConsumerLagReader(KafkaConnectionOptions kafka) : IDisposable
{
    private readonly Lazy<IAdminClient> _admin = new(() => new AdminClientBuilder(KafkaClientConfig.Admin(kafka)).Build());
    private readonly ConcurrentDictionary<string, Lazy<IConsumer<byte[], byte[]>>> _groups = new(StringComparer.Ordinal);

    /// <summary>The lag of each watched group, in the order given.</summary>
    public IReadOnlyList<ConsumerGroupLag> Read(IReadOnlyList<ConsumerGroupWatch> watches, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(watches);
        if (watches.Count == 0) return [];
        var metadata = _admin.Value.GetMetadata(timeout);
        var ends = new Dictionary<string, IReadOnlyList<(TopicPartition Partition, WatermarkOffsets Offsets)>>(StringComparer.Ordinal);
        var lags = new List<ConsumerGroupLag>(watches.Count);
        foreach (var watch in watches)
        {
            if (!ends.TryGetValue(watch.Topic, out var partitions))
            {
                ends[watch.Topic] = partitions = PartitionWatermarks.Of(metadata, watch.Topic, Client(watch.Group), timeout);
            }

            lags.Add(partitions.Count == 0
                ? new ConsumerGroupLag(watch.Group, watch.Topic, 0, null)
                : new ConsumerGroupLag(watch.Group, watch.Topic, partitions.Count, Lag(Client(watch.Group), partitions, timeout)));
        }

        return lags;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var client in _groups.Values.Where(c => c.IsValueCreated)) client.Value.Dispose();
        if (_admin.IsValueCreated) _admin.Value.Dispose();
    }

    // A group with no commit on a partition starts at its oldest retained message, and so does one whose commit has
    // fallen out of retention: both are behind by everything retained.
    private static long Lag(IConsumer<byte[], byte[]> client, IReadOnlyList<(TopicPartition Partition, WatermarkOffsets Offsets)> partitions, TimeSpan timeout)
    {
        var committed = client.Committed(partitions.Select(p => p.Partition), timeout).ToDictionary(c => c.Partition.Value, c => c.Offset);
        long lag = 0;
        foreach (var (partition, offsets) in partitions)
        {
            var low = Math.Max(0, offsets.Low.Value);
            var position = committed.TryGetValue(partition.Partition.Value, out var offset) && !offset.IsSpecial ? Math.Max(offset.Value, low) : low;
            lag += Math.Max(0, offsets.High.Value - position);
        }

        return lag;
    }

    // Only fetches offsets (never subscribes, joins or commits), so the group's own members are not disturbed.
    private IConsumer<byte[], byte[]> Client(string group) => _groups.GetOrAdd(group, g => new Lazy<IConsumer<byte[], byte[]>>(() =>
        new ConsumerBuilder<byte[], byte[]>(KafkaConsumerConfig.OffsetReader(kafka, g, $"lag-reader-{Environment.MachineName}")).Build())).Value;
}
