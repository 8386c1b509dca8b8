using System.ComponentModel.DataAnnotations;

namespace TrafficOrleans.Kafka;

/// <summary>
/// The <c>Kafka</c> configuration section every component reads to reach the cluster: where it is and the
/// librdkafka settings passed through unchanged (security.protocol, sasl.*, ssl.*).
/// </summary>
public class KafkaConnectionOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Kafka";

    /// <summary>Default of <see cref="BootstrapServers"/>: the embedded development broker of a local silo.</summary>
    public const string DefaultBootstrapServers = "localhost:59092";

    /// <summary><c>bootstrap.servers</c>: the embedded development broker locally, the cluster in production.</summary>
    [Required]
    public string BootstrapServers { get; set; } = DefaultBootstrapServers;

    /// <summary>librdkafka settings passed through unchanged; values of secret-looking keys are never logged.</summary>
    public Dictionary<string, string> ClientConfig { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The settings for logs, secrets replaced by <c>***</c>.</summary>
    public string Describe() => Describe(BootstrapServers, ClientConfig);

    /// <summary>Bootstrap servers and passthrough settings for logs, secrets replaced by <c>***</c>.</summary>
    public static string Describe(string bootstrapServers, IReadOnlyDictionary<string, string> clientConfig)
    {
        ArgumentNullException.ThrowIfNull(clientConfig);
        var parts = clientConfig
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => $"{kv.Key}={(IsSecret(kv.Key) ? "***" : kv.Value)}");
        return string.Join(", ", parts.Prepend($"bootstrap.servers={bootstrapServers}"));
    }

    private static bool IsSecret(string key) =>
        key.Contains("password", StringComparison.OrdinalIgnoreCase)
        || key.Contains("secret", StringComparison.OrdinalIgnoreCase)
        || key.Contains("key", StringComparison.OrdinalIgnoreCase)
        || key.Contains("token", StringComparison.OrdinalIgnoreCase)
        || key.Contains("sasl.jaas", StringComparison.OrdinalIgnoreCase);
}
