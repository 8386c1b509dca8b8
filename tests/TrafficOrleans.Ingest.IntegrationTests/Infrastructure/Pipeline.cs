using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using TrafficOrleans.Ingest.DualWrite;
using TrafficOrleans.Outbox;
using TrafficOrleans.Ingest.Preprocessing;
using TrafficOrleans.Ingest.Simulation;
using TrafficOrleans.Kafka;
using TrafficOrleans.Kafka.Topics;

namespace TrafficOrleans.Ingest.IntegrationTests.Infrastructure;

/// <summary>The production classes wired by hand on the test's database and broker.</summary>
public static class Pipeline
{
    public static ReadingPreprocessor Preprocessor() => new(Options.Create(new IngestOptions()), new IngestMetrics());

    public static SimulatorTrafficSource Simulator(TimeProvider? clock = null) =>
        SimulatorTrafficSource.Create(new SimulatorOptions(), Preprocessor(), clock ?? TimeProvider.System);

    public static TrafficBatchWriter Writer(NpgsqlDataSource dataSource, OutboxSignal? signal = null) =>
        new(dataSource, signal ?? new OutboxSignal(), Options.Create(new KafkaTopicsOptions()), NullLogger<TrafficBatchWriter>.Instance);

    public static OutboxRelay Relay(NpgsqlDataSource dataSource, string bootstrapServers, OutboxMetrics? metrics = null, int batchSize = 5000) =>
        new(dataSource,
            Options.Create(new KafkaConnectionOptions { BootstrapServers = bootstrapServers }),
            Options.Create(new OutboxOptions { BatchSize = batchSize, DeliveryTimeout = TimeSpan.FromSeconds(10) }),
            metrics ?? new OutboxMetrics(),
            NullLogger<OutboxRelay>.Instance);
}
