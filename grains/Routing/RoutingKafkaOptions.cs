using System.ComponentModel.DataAnnotations;

namespace TrafficOrleans.Grains.Routing;

/// <summary>How the routing components reach Kafka (section <c>Kafka</c>, shared with the rest of the product).</summary>
public sealed class RoutingKafkaOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Kafka";

    /// <summary><c>bootstrap.servers</c>.</summary>
    [Required]
    public string BootstrapServers { get; set; } = "localhost:59092";

    /// <summary>
    /// Extra librdkafka settings passed unchanged (<c>security.protocol</c>, <c>sasl.*</c>, <c>ssl.*</c>); values of keys
    /// containing "password", "secret" or "key" are never logged.
    /// </summary>
    public Dictionary<string, string> ClientConfig { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The settings for logs, secrets replaced by <c>***</c>.</summary>
    public string Describe() => string.Join(", ", ClientConfig
        .Select(kv => $"{kv.Key}={(IsSecret(kv.Key) ? "***" : kv.Value)}")
        .Prepend($"bootstrap.servers={BootstrapServers}"));

    private static bool IsSecret(string key) =>
        key.Contains("password", StringComparison.OrdinalIgnoreCase)
        || key.Contains("secret", StringComparison.OrdinalIgnoreCase)
        || key.Contains("key", StringComparison.OrdinalIgnoreCase);
}
