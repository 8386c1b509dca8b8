using Confluent.Kafka;

namespace TrafficOrleans.Kafka.Consuming;

/// <summary>The partitions of a topic in the cluster metadata, each with its oldest retained and end offsets.</summary>
public static class PartitionWatermarks
{
    /// <summary>Empty when the topic does not exist (or the metadata reports an error for it). Blocking, bounded by <paramref name="timeout"/> per partition.</summary>
    public static List<(TopicPartition Partition, WatermarkOffsets Offsets)> Of<TKey, TValue>(Metadata metadata, string topic, IConsumer<TKey, TValue> consumer, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(consumer);
        var found = metadata.Topics.Find(t => t.Topic == topic);
        if (found is null || found.Error.IsError) return [];
        return [.. found.Partitions.Select(p => new TopicPartition(topic, p.PartitionId)).Select(tp => (tp, consumer.QueryWatermarkOffsets(tp, timeout)))];
    }
}
