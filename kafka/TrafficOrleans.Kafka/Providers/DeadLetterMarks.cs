using System.Collections.Concurrent;
using Confluent.Kafka;

namespace TrafficOrleans.Kafka.Providers;

/// <summary>
/// How far each partition's dead-lettering has got, kept as the committed offset of a companion consumer group
/// (<c>{group}.dead-lettered</c>). The group's own commit lags behind what Orleans still caches, so after a restart
/// the receiver re-reads messages it had already dead-lettered; below this mark a rejected message was dead-lettered
/// before (the receiver reads in order and marks only after the broker acknowledged the dead letter), and is not
/// published again.
/// </summary>
public sealed class DeadLetterMarks(KafkaStreamOptions options) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<IConsumer<byte[], byte[]>>> _clients = new(StringComparer.Ordinal);

    /// <summary>The position after the last message of <paramref name="partition"/> dead-lettered by <paramref name="group"/> (-1: none).</summary>
    public long Read(TopicPartition partition, string group, TimeSpan timeout)
    {
        var committed = Client(group).Committed([partition], timeout).Single();
        return committed.Offset.IsSpecial ? -1 : committed.Offset.Value;
    }

    /// <summary>Records that everything before <paramref name="position"/> that was rejected has been dead-lettered.</summary>
    public void Write(TopicPartition partition, string group, long position) =>
        Client(group).Commit([new TopicPartitionOffset(partition, position)]);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated)) client.Value.Dispose();
    }

    // Only commits and fetches offsets (never subscribes or joins), so one client per group serves every partition.
    private IConsumer<byte[], byte[]> Client(string group) => _clients.GetOrAdd(group, g => new Lazy<IConsumer<byte[], byte[]>>(() =>
        new ConsumerBuilder<byte[], byte[]>(Consuming.KafkaConsumerConfig.AssignedPartitions(options, $"{g}.dead-lettered", $"{g}-dead-letter-marks")).Build())).Value;
}
