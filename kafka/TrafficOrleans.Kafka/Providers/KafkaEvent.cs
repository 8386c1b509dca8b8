using Orleans;

namespace TrafficOrleans.Kafka.Providers;

/// <summary>
/// One consumed Kafka message: its decoded value and its offset in the partition. Immutable: values are
/// decoded afresh for each message and are records, so Orleans need not deep-copy them on local delivery.
/// </summary>
[GenerateSerializer, Immutable]
public readonly record struct KafkaEvent([property: Id(0)] object Value, [property: Id(1)] long Offset);
