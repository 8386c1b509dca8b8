using Microsoft.Extensions.Options;
using TrafficOrleans.GrainInterfaces.Messages.Validation;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TrafficOrleans.Bench.Streams;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.Grains.Forecasting;
using TrafficOrleans.Grains.Roads;
using TrafficOrleans.KafkaBroker;
using TrafficOrleans.Outbox.Hosting;
using TrafficOrleans.Silo.Hosting;
using TrafficOrleans.Storage.Hosting;
using TrafficOrleans.Storage.Postgres;

// Usage: dotnet run -c Release --project bench/TrafficOrleans.Bench.Streams -- [readings=50000] [roads=2000] [rate=2000] [seconds=20] [model=lgbm|none]
// model=none trains nothing, so the grains serve the cold-start last value: run beside the default to see what the
// model's inference costs of the pipeline's readings/s (an upper bound on what any change to the model can cost).
// Needs the private PostgreSQL and Redis (./scripts/services.sh up); starts its own in-memory broker and works in a
// throw-away database, where it first trains and promotes a champion model as `traffic train` would.
var readings = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50_000;
var roads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2_000;
var rate = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2_000;
var seconds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 20;
var trainChampion = args.Length <= 4 || args[4] != "none";

var server = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") ?? "Host=localhost;Port=55432;Database=traffic;Username=traffic;Password=traffic";
await using var database = await BenchDatabase.CreateAsync(server);
var modelDirectory = Directory.CreateTempSubdirectory("traffic-bench-models-").FullName;
await using (var dataSource = NpgsqlDataSource.Create(database.ConnectionString))
{
    await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
    if (trainChampion)
    {
        Console.WriteLine("Training a champion model (7 synthetic days, no LSTM)…");
        Console.WriteLine($"Champion: {await BenchChampion.TrainAsync(dataSource, modelDirectory)}");
    }
}

await using var outbox = NpgsqlDataSource.Create(database.ConnectionString);
await using var broker = new KafkaBroker(new KafkaBrokerOptions { Port = 0, DefaultPartitions = 8, InitialRebalanceDelay = TimeSpan.Zero });
await broker.StartAsync();
IRoadPredictor? champion = null;
using var applied = new AppliedReadingsListener();
var recorder = new LatencyRecorder(() => champion!);
var serviceId = $"bench-{Guid.NewGuid():N}"[..16];
var builder = Host.CreateApplicationBuilder();
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["ConnectionStrings:Postgres"] = database.ConnectionString,
    ["ConnectionStrings:Redis"] = Environment.GetEnvironmentVariable("ConnectionStrings__Redis") ?? "localhost:56379",
    ["Kafka:BootstrapServers"] = broker.BootstrapServers,
    ["Kafka:Partitions"] = "8",
    ["Orleans:ServiceId"] = serviceId,
    ["Orleans:ClusterId"] = serviceId,
    ["Orleans:SiloPort"] = "21111",
    ["Orleans:GatewayPort"] = "31000",
});
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton<IRoadPredictor>(recorder);
builder.AddTrafficStorage();
// Road grains publish their predictions through the outbox: the relay is part of what a reading costs.
builder.AddTrafficOutbox();
builder.UseOrleans(silo => silo.ConfigureTrafficSilo(builder.Configuration));
using var host = builder.Build();
var forecasts = host.Services.GetRequiredService<ForecasterProvider>();
champion = new ChampionRoadPredictor(forecasts, Options.Create(new MessageLimits()));

using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig
{
    BootstrapServers = broker.BootstrapServers, EnableIdempotence = true, Acks = Acks.All, LingerMs = 5, Partitioner = Partitioner.Murmur2,
}).Build();
var roadIds = Enumerable.Range(0, roads).Select(i => $"bench_{serviceId}_{i}").ToArray();
var start = DateTimeOffset.UtcNow.AddDays(-30);
var step = 0;
TrafficReading Next(int i)
{
    var road = roadIds[i % roads];
    var s = step + (i / roads);
    return new TrafficReading(Guid.NewGuid(), start.AddMinutes(5 * s), road, "Bench road", 30, 50, 2, CongestionLevel.Moderate, 0.6, false, null);
}

void Produce(TrafficReading reading)
{
    recorder.Produced(reading.EventId);
    while (true)
    {
        try
        {
            producer.Produce("traffic-raw", new Message<string, byte[]> { Key = reading.RoadId, Value = JsonSerializer.SerializeToUtf8Bytes(reading, TrafficJson.Options) });
            return;
        }
        catch (ProduceException<string, byte[]> ex) when (ex.Error.Code == Confluent.Kafka.ErrorCode.Local_QueueFull)
        {
            producer.Poll(TimeSpan.FromMilliseconds(10));
        }
    }
}

// Phase 1: a backlog of readings already in traffic-raw, drained by a freshly started silo (cold: every
// grain activates, reads its state and catches up from PostgreSQL; code is still being JIT-compiled).
Console.WriteLine($"Producing a backlog of {readings:N0} readings for {roads:N0} roads…");
for (var i = 0; i < readings; i++) Produce(Next(i));
producer.Flush(TimeSpan.FromMinutes(2));
step += readings / roads + 1;

var startup = Stopwatch.StartNew();
await host.StartAsync();
Console.WriteLine($"Serving model: {forecasts.ChampionVersion ?? "cold start (no champion)"}");
while (applied.Count == 0) await Task.Delay(10);
startup.Stop();

// From the first applied reading (silo start-up and queue assignment excluded) to the last.
Console.WriteLine("Backlog drain started (first reading applied)…");
var cold = await MeasureAsync(0, readings, () => Task.CompletedTask);
Console.WriteLine("Backlog drained.");

// Phase 2: warm grains, readings produced flat out while they are consumed: the sustained rate, three rounds.
Console.WriteLine($"Producing {readings:N0} more readings as fast as possible, three times…");
var warm = new List<Phase>();
for (var round = 0; round < 3; round++)
{
    warm.Add(await MeasureAsync(applied.Count, readings, () => Task.Run(() =>
    {
        for (var i = 0; i < readings; i++) Produce(Next(i));
        producer.Flush(TimeSpan.FromMinutes(2));
    })));
    step += readings / roads + 1;
}

Console.WriteLine("Warm phase done.");
_ = recorder.TakeLatencies();

// Phase 3: a steady rate, latency from produce to the grain applying the reading.
Console.WriteLine($"Producing {rate:N0} readings/s for {seconds} s…");
var appliedBefore = applied.Count;
var steady = Stopwatch.StartNew();
var sent = 0;
while (steady.Elapsed < TimeSpan.FromSeconds(seconds))
{
    var due = (int)(steady.Elapsed.TotalSeconds * rate);
    for (; sent < due; sent++) Produce(Next(sent));
    producer.Poll(TimeSpan.Zero);
    await Task.Delay(5);
}

producer.Flush(TimeSpan.FromMinutes(1));
var wait = Stopwatch.StartNew();
while (applied.Count - appliedBefore < sent && wait.Elapsed < TimeSpan.FromMinutes(5)) await Task.Delay(50);
var latencies = recorder.TakeLatencies().Order().ToArray();
var served = forecasts.ChampionVersion ?? "cold start";
await host.StopAsync();
Directory.Delete(modelDirectory, recursive: true);

double Percentile(double p) => latencies.Length == 0 ? double.NaN : latencies[Math.Min(latencies.Length - 1, (int)(p * latencies.Length))];
Console.WriteLine();
Console.WriteLine("| phase | readings | seconds | readings/s | all predictions published s | CPU of this process per reading | p50 ms | p99 ms |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
Console.WriteLine($"| cold backlog drain, {roads:N0} roads (silo start to first reading {startup.Elapsed.TotalSeconds:F1} s, excluded) | {cold.Readings:N0} | {cold.Seconds:F1} | {cold.Rate:N0} | {cold.PublishedSeconds:F1} | {cold.CpuMicroseconds:F0} µs | | |");
foreach (var (phase, round) in warm.Select((phase, i) => (phase, i + 1)))
{
    Console.WriteLine($"| warm round {round}, produced flat out while consumed | {phase.Readings:N0} | {phase.Seconds:F1} | {phase.Rate:N0} | {phase.PublishedSeconds:F1} | {phase.CpuMicroseconds:F0} µs | | |");
}
Console.WriteLine($"| steady {rate:N0}/s for {seconds} s | {latencies.Length:N0} | {seconds} | {sent / (double)seconds:N0} | | | {Percentile(0.50):F0} | {Percentile(0.99):F0} |");
Console.WriteLine();
Console.WriteLine($"Model: {served}.");
Console.WriteLine("Each reading: reading + prediction + outbox rows (PostgreSQL), Redis keys, traffic-predictions published by the outbox relay (acks=all); grain state saved every 12 readings, at most once a minute per road (RoadGrain.MinSaveInterval).");
Console.WriteLine("CPU is this process only (silo, embedded broker, bench producer); PostgreSQL and Redis run in their own processes.");

// Runs `work` and waits until `count` readings beyond `before` are durably applied (the grains' applied counter), then
// until their predictions are published (no unsent outbox row); CPU is counted to the end.
async Task<Phase> MeasureAsync(long before, int count, Func<Task> work)
{
    var target = before + count;
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    var producing = work();
    while (applied.Count < target && clock.Elapsed < TimeSpan.FromMinutes(15)) await Task.Delay(20);
    var appliedSeconds = clock.Elapsed.TotalSeconds;
    await producing;
    var done = applied.Count - before;
    // Applied means committed with its prediction's outbox row; published, that the relay has put the last one on Kafka.
    while (await UnpublishedAsync() > 0 && clock.Elapsed < TimeSpan.FromMinutes(15)) await Task.Delay(100);
    var cpuPerReading = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / Math.Max(1, done);
    return new Phase(done, appliedSeconds, cpuPerReading, clock.Elapsed.TotalSeconds);
}

async Task<long> UnpublishedAsync()
{
    await using var command = outbox.CreateCommand("SELECT count(*) FROM outbox WHERE sent_at IS NULL");
    return (long)(await command.ExecuteScalarAsync())!;
}

internal readonly record struct Phase(long Readings, double Seconds, double CpuMicroseconds, double PublishedSeconds)
{
    public double Rate => Readings / Seconds;
}
