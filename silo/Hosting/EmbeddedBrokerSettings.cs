namespace TrafficOrleans.Silo.Hosting;

/// <summary><c>Kafka:EmbeddedBroker</c>: the project's Kafka-wire-compatible development broker, run in-process.</summary>
public sealed class EmbeddedBrokerSettings
{
    /// <summary>Start it before the silo (then <c>Kafka:BootstrapServers</c> must point at it).</summary>
    public bool Enabled { get; set; }

    /// <summary>Port on 127.0.0.1.</summary>
    public int Port { get; set; } = 59092;

    /// <summary>Log directory (relative paths are relative to the working directory); empty = in memory.</summary>
    public string? DataDirectory { get; set; } = ".data/kafka";
}
