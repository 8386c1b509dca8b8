using Orleans.Hosting;

namespace TrafficOrleans.Kafka.Hosting;

/// <summary>Adds Kafka-backed persistent streams to a silo.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>
    /// Adds a Kafka stream provider: one Orleans queue per topic-partition, values as plain JSON,
    /// offsets committed after delivery, rejected messages to the dead-letter topic.
    /// </summary>
    public static ISiloBuilder AddKafkaStreams(this ISiloBuilder builder, string name, Action<KafkaStreamOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddKafkaStreams(name, configurator => configurator.ConfigureKafka(options => options.Configure(configureOptions)));
    }

    /// <summary>Adds a Kafka stream provider with full access to its configurator (pulling agent, pub-sub, balancer).</summary>
    public static ISiloBuilder AddKafkaStreams(this ISiloBuilder builder, string name, Action<SiloKafkaStreamConfigurator>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configurator = new SiloKafkaStreamConfigurator(name, configureServices => builder.ConfigureServices(configureServices));
        configure?.Invoke(configurator);
        return builder;
    }
}
