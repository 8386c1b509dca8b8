using System.ComponentModel.DataAnnotations;

namespace TrafficOrleans.Kafka.Producing;

/// <summary>
/// Settings of the one producer a host shares (configuration section <c>Kafka:Producer</c>): the stream provider, the
/// outbox relay, routing and every dead-letter path write through it.
/// </summary>
public sealed class KafkaProducerOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Kafka:Producer";

    /// <summary>
    /// librdkafka <c>message.timeout.ms</c>: how long one delivery may take before it counts as failed. The outbox relay
    /// waits this long for its batch's reports, so a stopping host must allow it (see <c>Host:ShutdownTimeout</c>).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan DeliveryTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Messages librdkafka buffers before a produce waits (back-pressure on a slow broker).</summary>
    [Range(1_000, 10_000_000)]
    public int BufferMessages { get; set; } = 100_000;
}
