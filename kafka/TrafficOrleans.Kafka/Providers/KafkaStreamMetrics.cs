using System.Diagnostics.Metrics;

namespace TrafficOrleans.Kafka.Providers;

/// <summary>Counters of the Kafka stream provider (meter <c>TrafficOrleans.Kafka</c>, exported on /metrics).</summary>
public sealed class KafkaStreamMetrics
{
    /// <summary>Meter name.</summary>
    public const string MeterName = "TrafficOrleans.Kafka";

    /// <summary>Creates the counters on a meter of <paramref name="meterFactory"/> (which owns and disposes it).</summary>
    public KafkaStreamMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
#pragma warning disable CA2000 // IMeterFactory owns the meters it creates and disposes them with the service provider.
        var meter = meterFactory.Create(MeterName);
#pragma warning restore CA2000
        MessagesConsumed = meter.CreateCounter<long>("traffic.kafka.messages.consumed", "{message}");
        MessagesDeadLettered = meter.CreateCounter<long>("traffic.kafka.messages.dead_lettered", "{message}");
        MessagesProduced = meter.CreateCounter<long>("traffic.kafka.messages.produced", "{message}");
        DeliveriesAbandoned = meter.CreateCounter<long>("traffic.kafka.deliveries.abandoned", "{delivery}");
        SubscriptionFailures = meter.CreateCounter<long>("traffic.kafka.subscriptions.failed", "{subscription}");
        OffsetCommits = meter.CreateCounter<long>("traffic.kafka.offset.commits", "{commit}");
    }

    /// <summary>Messages read from Kafka and handed to Orleans.</summary>
    public Counter<long> MessagesConsumed { get; }

    /// <summary>Messages sent to the dead-letter topic, tagged by category.</summary>
    public Counter<long> MessagesDeadLettered { get; }

    /// <summary>Events produced through Orleans streams.</summary>
    public Counter<long> MessagesProduced { get; }

    /// <summary>Batches Orleans gave up delivering (should stay 0: every one is an error log and dead letters).</summary>
    public Counter<long> DeliveriesAbandoned { get; }

    /// <summary>Stream subscriptions Orleans reported as failed.</summary>
    public Counter<long> SubscriptionFailures { get; }

    /// <summary>Offset commits made after Orleans delivered the messages.</summary>
    public Counter<long> OffsetCommits { get; }
}
