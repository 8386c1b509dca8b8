namespace TrafficOrleans.Kafka.Lag;

/// <summary>How far one consumer group is behind on one topic.</summary>
/// <param name="Group">Consumer group.</param>
/// <param name="Topic">Topic.</param>
/// <param name="Partitions">Partitions of the topic (0 when unknown or the topic does not exist).</param>
/// <param name="Lag">
/// Messages not yet committed by the group, summed over the partitions: end offset − committed offset, counting from
/// the oldest retained message where the group has committed nothing (the product's groups then start at the
/// beginning); null when it could not be read.
/// </param>
public sealed record ConsumerGroupLag(string Group, string Topic, int Partitions, long? Lag);
