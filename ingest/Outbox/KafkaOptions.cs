using System.ComponentModel.DataAnnotations;

namespace TrafficOrleans.Ingest.Outbox;

/// <summary>Where the outbox relay produces to (configuration section <c>Kafka</c>, shared with the stream provider).</summary>
public sealed class KafkaOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Kafka";

    /// <summary><c>bootstrap.servers</c>; the development broker the silo embeds by default.</summary>
    [Required]
    public string BootstrapServers { get; set; } = "localhost:59092";

    /// <summary>
    /// Extra librdkafka settings passed through unchanged (<c>Kafka:ClientConfig:security.protocol</c>,
    /// <c>sasl.mechanism</c>, <c>sasl.username</c>, <c>sasl.password</c>, …). Values of keys that look
    /// secret are redacted by <see cref="KafkaProducerFactory.Describe"/>.
    /// </summary>
    public Dictionary<string, string> ClientConfig { get; set; } = new(StringComparer.Ordinal);
}
