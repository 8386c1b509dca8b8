using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using TrafficOrleans.Kafka.Topics;
using TrafficOrleans.Ingest;
using TrafficOrleans.Ingest.DualWrite;
using TrafficOrleans.Outbox;
using TrafficOrleans.Ingest.Preprocessing;
using TrafficOrleans.Ingest.Scheduling;
using TrafficOrleans.Ingest.Simulation;
using TrafficOrleans.KafkaBroker;
using TrafficOrleans.Storage.Postgres;
using TrafficOrleans.Kafka;
using TrafficOrleans.Kafka.Producing;

// `traffic ingest simulate` in miniature: 100,000 simulated readings written through the dual write while the
// outbox relay publishes them to the embedded broker; the clock stops when every reading is stored AND acknowledged
// by Kafka. A throw-away database on the dev PostgreSQL (ConnectionStrings__Postgres or the scripts' default).
const int TargetReadings = 100_000;
var server = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") ?? "Host=localhost;Port=55432;Database=traffic;Username=traffic;Password=traffic";
var databaseName = $"traffic_bench_{Guid.NewGuid():N}"[..24];
await ExecuteAsync(server, $"CREATE DATABASE {databaseName}");
try
{
    await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(server) { Database = databaseName }.ConnectionString);
    await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
    await using var broker = new KafkaBroker(new KafkaBrokerOptions { Port = 0, DefaultPartitions = 8, InitialRebalanceDelay = TimeSpan.Zero });
    await broker.StartAsync();
    await using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();

    var preprocessor = new ReadingPreprocessor(Options.Create(new IngestOptions()), new IngestMetrics(meters.GetRequiredService<IMeterFactory>()));
    var simulator = SimulatorTrafficSource.Create(new SimulatorOptions(), preprocessor);
    var interval = TimeSpan.FromMinutes(5);
    var ticks = (TargetReadings + simulator.Model.Roads.Count - 1) / simulator.Model.Roads.Count;
    var from = new DateTimeOffset(2025, 10, 1, 0, 0, 0, TimeSpan.Zero);
    var to = from + (interval * ticks);

    using var signal = new OutboxSignal();
    var writer = new TrafficBatchWriter(dataSource, signal, Microsoft.Extensions.Options.Options.Create(new KafkaTopicsOptions()), NullLogger<TrafficBatchWriter>.Instance);
    var kafka = Options.Create(new KafkaConnectionOptions { BootstrapServers = broker.BootstrapServers });
    using var producer = new KafkaMessageProducer(kafka, Options.Create(new KafkaProducerOptions()), NullLogger<KafkaMessageProducer>.Instance);
    var relay = new OutboxRelay(dataSource, producer, kafka, Options.Create(new OutboxOptions()), new OutboxMetrics(meters.GetRequiredService<IMeterFactory>()), NullLogger<OutboxRelay>.Instance);

    var clock = Stopwatch.StartNew();
    using var writing = new CancellationTokenSource();
    var relaying = RelayWhileWritingAsync(relay, signal, writing.Token);
    var progress = await new TrafficBackfill(simulator, writer).RunAsync(from, to, interval, null, CancellationToken.None);
    var written = clock.Elapsed;
    await writing.CancelAsync();
    var published = await relaying + (await relay.DrainAsync(CancellationToken.None)).Published;
    var total = clock.Elapsed;

    var stored = await CountAsync(dataSource, "SELECT count(*) FROM traffic_data");
    var onTopic = TopicMessages(broker.BootstrapServers, KafkaTopicsOptions.DefaultRawReadings);
    Console.WriteLine($"Ingest benchmark: {progress.Readings:N0} simulated readings ({simulator.Model.Roads.Count} roads × {progress.TicksDone} ticks), {Environment.ProcessorCount} cores");
    Console.WriteLine();
    Console.WriteLine("| stage | readings | seconds | readings/s |");
    Console.WriteLine("|---|---:|---:|---:|");
    Row("dual write (PostgreSQL traffic_data + outbox, relay running)", progress.Inserted, written);
    Row("end to end (stored and acknowledged by Kafka)", published, total);
    Console.WriteLine();
    Console.WriteLine($"check: traffic_data {stored:N0} rows, traffic-raw {onTopic:N0} messages, outbox published {published:N0}");
    return stored == progress.Readings && onTopic == progress.Readings ? 0 : 1;
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {databaseName} WITH (FORCE)");
}

static void Row(string stage, long readings, TimeSpan elapsed) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {stage} | {readings:N0} | {elapsed.TotalSeconds:F2} | {readings / elapsed.TotalSeconds:N0} |"));

static async Task<long> RelayWhileWritingAsync(OutboxRelay relay, OutboxSignal signal, CancellationToken writing)
{
    long published = 0;
    while (!writing.IsCancellationRequested)
    {
        var round = await relay.RelayOnceAsync(CancellationToken.None);
        published += round.Published;
        if (round.Claimed == 0)
        {
            try
            {
                await signal.WaitAsync(TimeSpan.FromMilliseconds(50), writing);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    return published;
}

static async Task ExecuteAsync(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

static async Task<long> CountAsync(NpgsqlDataSource dataSource, string sql)
{
    await using var command = dataSource.CreateCommand(sql);
    return (long)(await command.ExecuteScalarAsync())!;
}

static long TopicMessages(string bootstrapServers, string topic)
{
    using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = "bench" }).Build();
    using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrapServers }).Build();
    var partitions = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics[0].Partitions;
    return partitions.Sum(p => consumer.QueryWatermarkOffsets(new TopicPartition(topic, p.PartitionId), TimeSpan.FromSeconds(10)).High.Value);
}
