using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TrafficOrleans.Kafka.Hosting;
using TrafficOrleans.Kafka.Producing;

namespace TrafficOrleans.Kafka.Tests;

/// <summary>A host holds one producer, configured once, whichever components ask for it.</summary>
public sealed class SharedProducerTests
{
    [Fact]
    public void Every_component_that_registers_the_producer_gets_the_same_instance()
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        // What the stream provider, the outbox relay and routing each do.
        services.AddKafkaProducer();
        services.AddKafkaProducer();
        services.AddKafkaProducer();
        using var provider = services.BuildServiceProvider();

        var producers = provider.GetServices<KafkaMessageProducer>().ToList();

        Assert.Single(producers);
        Assert.Same(producers[0], provider.GetRequiredService<KafkaMessageProducer>());
    }

    [Fact]
    public void The_producer_is_idempotent_acks_all_murmur2_with_the_configured_delivery_timeout_and_passthrough()
    {
        var connection = new KafkaConnectionOptions
        {
            BootstrapServers = "broker:9092",
            ClientConfig = new(StringComparer.Ordinal) { ["security.protocol"] = "sasl_ssl" },
        };

        var config = KafkaClientConfig.Producer(connection, new KafkaProducerOptions { DeliveryTimeout = TimeSpan.FromSeconds(12) }, "traffic-test");

        Assert.Equal("broker:9092", config.BootstrapServers);
        Assert.True(config.EnableIdempotence);
        Assert.Equal(Acks.All, config.Acks);
        Assert.Equal(Partitioner.Murmur2, config.Partitioner);
        Assert.Equal(12_000, config.MessageTimeoutMs);
        Assert.Equal("sasl_ssl", config.Get("security.protocol"));
    }
}
