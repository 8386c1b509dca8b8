namespace TrafficOrleans.KafkaBroker.Storage;

/// <summary>A topic: its partition logs and configuration.</summary>
internal sealed class Topic(string name, PartitionLog[] partitions, TopicConfig config)
{
    public string Name { get; } = name;

    public PartitionLog[] Partitions { get; } = partitions;

    public TopicConfig Config { get; } = config;
}
