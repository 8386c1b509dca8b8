using System.Diagnostics;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TrafficOrleans.Bench.PoisonFuzz;
using TrafficOrleans.Bench.Streams;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.KafkaBroker;
using TrafficOrleans.Routing;
using TrafficOrleans.Silo.Hosting;
using TrafficOrleans.Storage.Hosting;
using TrafficOrleans.Storage.Postgres;

// Usage: ./scripts/poison-fuzz.sh [bad=10000] [ticks=30] [rate=2000] [seed=11] [timeout=600]
// A real silo (road grains, routing, the Kafka stream provider) on the HERE road set of ../shared (else the synthetic
// city) reads traffic-raw from its own broker in a throw-away database. A steady stream of good readings (one per road
// per 5-minute tick) is mixed with random bad messages; then PostgreSQL and Kafka are audited.
var options = FuzzOptions.Parse(args);
var server = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") ?? "Host=localhost;Port=55432;Database=traffic;Username=traffic;Password=traffic";
await using var database = await BenchDatabase.CreateAsync(server);
await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();

const int Partitions = 8;
await using var broker = new KafkaBroker(new KafkaBrokerOptions { Port = 0, DefaultPartitions = Partitions, InitialRebalanceDelay = TimeSpan.Zero });
await broker.StartAsync();
var here = FindHereSnapshot();
var serviceId = $"fuzz-{Guid.NewGuid():N}"[..16];
var builder = Host.CreateApplicationBuilder();
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["ConnectionStrings:Postgres"] = database.ConnectionString,
    ["ConnectionStrings:Redis"] = Environment.GetEnvironmentVariable("ConnectionStrings__Redis") ?? "localhost:56379",
    ["Kafka:BootstrapServers"] = broker.BootstrapServers,
    ["Kafka:Partitions"] = Partitions.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ["Orleans:ServiceId"] = serviceId,
    ["Orleans:ClusterId"] = serviceId,
    ["Orleans:SiloPort"] = "21112",
    ["Orleans:GatewayPort"] = "31001",
    ["Ingest:Enabled"] = "false",
    ["Ingest:Simulator:RoadNetworkPath"] = here,
    ["Validation:UnknownRoads"] = "Reject",
});
builder.Logging.SetMinimumLevel(LogLevel.Error);
builder.AddTrafficStorage();
builder.AddTrafficRouting();
builder.UseOrleans(silo => silo.ConfigureTrafficSilo(builder.Configuration));
using var host = builder.Build();
await host.StartAsync();

var network = host.Services.GetRequiredService<RoutingNetwork>();
var roads = Enumerable.Range(0, network.Graph.EdgeCount).Select(e => network.Graph.RoadOf(e).RoadId).Distinct().Order(StringComparer.Ordinal).ToList();
var now = DateTimeOffset.UtcNow;
var start = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.FromMinutes(5).Ticks, TimeSpan.Zero).AddMinutes(-5 * options.Ticks);
Console.WriteLine($"Road set: {(here ?? "synthetic city")} ({roads.Count} roads); {options.Ticks} ticks = {roads.Count * options.Ticks} good readings, {options.Bad} bad messages ({PoisonMessages.KindList})");

var poison = new PoisonMessages(roads, now, options.Seed);
var mix = new Random(options.Seed + 1);
var good = new HashSet<Guid>();
var total = roads.Count * options.Ticks + options.Bad;
var badLeft = options.Bad;
using var producer = new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig
{
    BootstrapServers = broker.BootstrapServers, EnableIdempotence = true, Acks = Acks.All, LingerMs = 5,
    Partitioner = Partitioner.Murmur2, MessageMaxBytes = 10_000_000,
}).Build();
var clock = Stopwatch.StartNew();
var sent = 0;
for (var tick = 0; tick < options.Ticks; tick++)
{
    foreach (var road in roads)
    {
        var reading = new TrafficReading(Guid.NewGuid(), start.AddMinutes(5 * tick), road, $"Road {road}", 10 + mix.Next(0, 50), 60, mix.NextDouble() * 8,
            CongestionLevel.Moderate, 0.5, false, null);
        good.Add(reading.EventId);
        Produce(System.Text.Encoding.UTF8.GetBytes(road), JsonSerializer.SerializeToUtf8Bytes(reading, TrafficJson.Options));
        // Spread the bad messages evenly in expectation over the good stream.
        while (badLeft > 0 && mix.NextDouble() < (double)badLeft / (total - sent))
        {
            var (_, key, value) = poison.Next();
            badLeft--;
            Produce(key, value);
        }
    }
}

while (badLeft-- > 0)
{
    var (_, key, value) = poison.Next();
    Produce(key, value);
}

producer.Flush(TimeSpan.FromSeconds(60));
Console.WriteLine($"Produced {sent} messages in {clock.Elapsed.TotalSeconds:0.0} s; waiting for the pipeline to drain…");

var deadline = Stopwatch.StartNew();
FuzzAudit audit;
while (true)
{
    audit = await FuzzAudit.TakeAsync(dataSource, broker.BootstrapServers, good, options.Bad, Partitions);
    Console.WriteLine($"  {deadline.Elapsed.TotalSeconds,5:0} s: predicted {audit.Predicted}/{audit.GoodIn}, dead-lettered {audit.DeadLettered}/{audit.BadIn}, lag {audit.Lag}");
    if ((audit.Predicted >= audit.GoodIn && audit.DeadLettered >= audit.BadIn && audit.Lag == 0) || deadline.Elapsed > options.Timeout) break;
    await Task.Delay(TimeSpan.FromSeconds(5));
}

await host.StopAsync();
Console.WriteLine();
audit.Print(Console.Out);
return audit.Lost == 0 && audit.DuplicatePredictionMessages == 0 && audit.DeadLettered == audit.BadIn ? 0 : 1;

void Produce(byte[]? key, byte[] value)
{
    // A steady stream at the requested rate, not a burst: the pipeline sees bad and good messages as in production.
    while (sent > clock.Elapsed.TotalSeconds * options.Rate) Thread.Sleep(5);
    while (true)
    {
        try
        {
            producer.Produce("traffic-raw", new Message<byte[]?, byte[]> { Key = key, Value = value });
            break;
        }
        catch (ProduceException<byte[]?, byte[]> ex) when (ex.Error.Code == Confluent.Kafka.ErrorCode.Local_QueueFull)
        {
            producer.Poll(TimeSpan.FromMilliseconds(50));
        }
    }

    sent++;
}

static string? FindHereSnapshot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (!File.Exists(Path.Combine(dir.FullName, "TrafficOrleans.sln"))) continue;
        var here = Path.Combine(dir.FullName, "..", "shared", "data", "here");
        return Directory.Exists(here) ? Directory.GetFiles(here, "*.json").Select(Path.GetFullPath).FirstOrDefault() : null;
    }

    return null;
}
