using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using TrafficOrleans.Ingest.DualWrite;
using TrafficOrleans.Outbox;
using TrafficOrleans.Ingest.Preprocessing;
using TrafficOrleans.Ingest.Simulation;
using TrafficOrleans.Kafka;
using TrafficOrleans.Kafka.Producing;
using TrafficOrleans.Kafka.Topics;

namespace TrafficOrleans.Ingest.IntegrationTests.Infrastructure;

/// <summary>The production classes wired by hand on the test's database and broker.</summary>
public static class Pipeline
{
    /// <summary>The meter factory of hand-wired components, as a host's container would give them (lives for the test run).</summary>
    public static IMeterFactory Meters { get; } = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    public static ReadingPreprocessor Preprocessor() => new(Options.Create(new IngestOptions()), new IngestMetrics(Meters));

    public static SimulatorTrafficSource Simulator(TimeProvider? clock = null) =>
        SimulatorTrafficSource.Create(new SimulatorOptions(), Preprocessor(), clock ?? TimeProvider.System);

    public static TrafficBatchWriter Writer(NpgsqlDataSource dataSource, OutboxSignal? signal = null) =>
        new(dataSource, signal ?? new OutboxSignal(), Options.Create(new KafkaTopicsOptions()), NullLogger<TrafficBatchWriter>.Instance);

    /// <summary>A producer of the product's configuration; a silo shares one, a test owns (and disposes) its own.</summary>
    public static KafkaMessageProducer Producer(string bootstrapServers, TimeSpan? deliveryTimeout = null) =>
        new(Options.Create(new KafkaConnectionOptions { BootstrapServers = bootstrapServers }),
            Options.Create(new KafkaProducerOptions { DeliveryTimeout = deliveryTimeout ?? TimeSpan.FromSeconds(10) }),
            NullLogger<KafkaMessageProducer>.Instance);

    /// <summary>A relay publishing through <paramref name="producer"/>, which must be connected to <paramref name="bootstrapServers"/>.</summary>
    public static OutboxRelay Relay(
        NpgsqlDataSource dataSource, string bootstrapServers, KafkaMessageProducer producer, OutboxMetrics? metrics = null, int batchSize = 5000, OutboxOptions? options = null) =>
        new(dataSource,
            producer,
            Options.Create(new KafkaConnectionOptions { BootstrapServers = bootstrapServers }),
            Options.Create(options ?? new OutboxOptions { BatchSize = batchSize }),
            metrics ?? new OutboxMetrics(Meters),
            NullLogger<OutboxRelay>.Instance);
}
