namespace TrafficOrleans.KafkaBroker.Groups;

/// <summary>Classic consumer-group states, named as Kafka reports them in DescribeGroups.</summary>
internal enum GroupState
{
    Empty,
    PreparingRebalance,
    CompletingRebalance,
    Stable,
    Dead,
}
