using System.Globalization;
using Confluent.Kafka;
using Orleans.Runtime;
using Orleans.Streams;
using TrafficOrleans.Kafka.Producing;

namespace TrafficOrleans.Kafka.Providers;

/// <summary>
/// One Orleans queue per consumed topic-partition. Queues are spread over the silos by Orleans' hash
/// ring (so partitions move when silos join or leave), but a stream's queue is its Kafka partition,
/// chosen from the stream key with Kafka's murmur2 partitioner — the rule external producers use too.
/// </summary>
public sealed class KafkaStreamQueueMapper : IConsistentRingStreamQueueMapper
{
    private readonly HashRingBasedPartitionedStreamQueueMapper _ring;
    private readonly Dictionary<QueueId, TopicPartition> _partitionsByQueue = [];
    private readonly Dictionary<(string Topic, int Partition), QueueId> _queuesByPartition = [];
    private readonly KafkaStreamOptions _options;

    /// <summary>Creates the mapping of a provider's consumed topics.</summary>
    public KafkaStreamQueueMapper(KafkaStreamOptions options, string providerName)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        var partitionIds = options.Topics.Where(t => t.Consume)
            .SelectMany(t => Enumerable.Range(0, t.Partitions).Select(p => $"{t.Name}/{p.ToString(CultureInfo.InvariantCulture)}"))
            .ToList();
        _ring = new HashRingBasedPartitionedStreamQueueMapper(partitionIds, providerName);
        foreach (var queue in _ring.GetAllQueues())
        {
            var id = _ring.QueueToPartition(queue);
            var separator = id.LastIndexOf('/');
            var topicPartition = new TopicPartition(id[..separator], int.Parse(id[(separator + 1)..], CultureInfo.InvariantCulture));
            _partitionsByQueue[queue] = topicPartition;
            _queuesByPartition[(topicPartition.Topic, topicPartition.Partition.Value)] = queue;
        }
    }

    /// <summary>The topic-partition a queue reads.</summary>
    public TopicPartition PartitionOf(QueueId queue) => _partitionsByQueue[queue];

    /// <inheritdoc />
    public IEnumerable<QueueId> GetAllQueues() => _ring.GetAllQueues();

    /// <inheritdoc />
    public IEnumerable<QueueId> GetQueuesForRange(IRingRange range) => _ring.GetQueuesForRange(range);

    /// <inheritdoc />
    public QueueId GetQueueForStream(StreamId streamId)
    {
        var topic = _options.TopicForNamespace(streamId.GetNamespace() ?? "");
        if (topic is null || !topic.Consume) return _ring.GetQueueForStream(streamId);
        return _queuesByPartition[(topic.Name, KafkaPartitioner.PartitionFor(streamId.Key.Span, topic.Partitions))];
    }
}
