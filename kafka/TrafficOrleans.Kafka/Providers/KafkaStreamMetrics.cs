using System.Diagnostics.Metrics;

namespace TrafficOrleans.Kafka.Providers;

/// <summary>Counters of the Kafka stream provider (meter <c>TrafficOrleans.Kafka</c>, exported on /metrics).</summary>
public static class KafkaStreamMetrics
{
    /// <summary>Meter name.</summary>
    public const string MeterName = "TrafficOrleans.Kafka";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Messages read from Kafka and handed to Orleans.</summary>
    public static readonly Counter<long> MessagesConsumed = Meter.CreateCounter<long>("traffic.kafka.messages.consumed", "{message}");

    /// <summary>Messages sent to the dead-letter topic, tagged by category.</summary>
    public static readonly Counter<long> MessagesDeadLettered = Meter.CreateCounter<long>("traffic.kafka.messages.dead_lettered", "{message}");

    /// <summary>Events produced through Orleans streams.</summary>
    public static readonly Counter<long> MessagesProduced = Meter.CreateCounter<long>("traffic.kafka.messages.produced", "{message}");

    /// <summary>Batches Orleans gave up delivering (should stay 0: every one is an error log and dead letters).</summary>
    public static readonly Counter<long> DeliveriesAbandoned = Meter.CreateCounter<long>("traffic.kafka.deliveries.abandoned", "{delivery}");

    /// <summary>Stream subscriptions Orleans reported as failed.</summary>
    public static readonly Counter<long> SubscriptionFailures = Meter.CreateCounter<long>("traffic.kafka.subscriptions.failed", "{subscription}");

    /// <summary>Offset commits made after Orleans delivered the messages.</summary>
    public static readonly Counter<long> OffsetCommits = Meter.CreateCounter<long>("traffic.kafka.offset.commits", "{commit}");
}
