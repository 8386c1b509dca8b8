using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TrafficOrleans.Bench.Push;
using TrafficOrleans.Bench.Streams;
using TrafficOrleans.KafkaBroker;
using TrafficOrleans.Roads;

// Usage: dotnet run -c Release --project bench/TrafficOrleans.Bench.Push -- [clients=1000] [ticks=6] [rate=10000] [seconds=15] [runs=1] [where=process]
// Needs the private PostgreSQL and Redis (./scripts/services.sh up). One real silo host (Kestrel, road grains, the
// notification rules, outbox relay, push) on a throw-away database and its own broker; `clients` SignalR clients with
// no subscription. Latency = from a reading produced to traffic-raw until a client receives the alert it raised
// (severe_traffic when jammed, cleared when it flows again), for every (alert, client) pair.
//  - product load: `ticks` ticks of 1,247 roads (every road once, as a 5-minute poll writes them), 5 % of them jammed
//    per tick, a tick every 10 s instead of 5 minutes (the burst is what matters, not the gap);
//  - 10k/s: `rate` readings per second for `seconds`, 20 jammed readings per second spread over the roads (0: skipped).
// `where`: `process` runs the clients out of the bench's process — 10 probe clients at normal priority, the rest under
// `nice -n 19` (PUSH_BENCH_CLIENT_NICE), standing in for users' own devices (ClientFleet); a row for all clients and one
// for the probes; `inprocess` runs them all inside the bench, on the silo's scheduler (the earlier figures).
// Every phase starts with a VACUUM of the pipeline's tables, then waits PUSH_BENCH_SETTLE seconds (default 0): an idle
// gap before each phase, to tell a warm-up effect (background JIT, thread pool) from the phase's own load.
if (args is ["clients"]) return await ClientHost.RunAsync();
var clientCount = Arg(0, 1000);
var ticks = Arg(1, 6);
var rate = Arg(2, 10_000);
var seconds = Arg(3, 15);
var runs = Arg(4, 1);
var clientsInProcess = args.Length > 5 && args[5] == "inprocess";
var settle = TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("PUSH_BENCH_SETTLE") ?? "0", CultureInfo.InvariantCulture));
const int ProductRoads = 1247;
const int JammedPerSecond = 20;

var server = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") ?? "Host=localhost;Port=55432;Database=traffic;Username=traffic;Password=traffic";
var redis = Environment.GetEnvironmentVariable("ConnectionStrings__Redis") ?? "localhost:56379";
using var probe = new StageProbe();
await using var database = await BenchDatabase.CreateAsync(server);
await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
await using var broker = new KafkaBroker(new KafkaBrokerOptions { Port = 0, DefaultPartitions = 8, InitialRebalanceDelay = TimeSpan.Zero });
await broker.StartAsync();
var serviceId = $"push-bench-{Guid.NewGuid():N}"[..20];
await using var silo = new BenchSilo(new Dictionary<string, string?>
{
    ["ConnectionStrings:Postgres"] = database.ConnectionString,
    ["ConnectionStrings:Redis"] = $"{redis},defaultDatabase=13",
    ["Orleans:ServiceId"] = serviceId,
    ["Orleans:ClusterId"] = serviceId,
    ["Orleans:SiloPort"] = BenchSilo.FreePort().ToString(CultureInfo.InvariantCulture),
    ["Orleans:GatewayPort"] = BenchSilo.FreePort().ToString(CultureInfo.InvariantCulture),
    ["Kafka:BootstrapServers"] = broker.BootstrapServers,
    ["Kafka:Partitions"] = "8",
    ["Kafka:EmbeddedBroker:Enabled"] = "false",
    ["Ingest:Enabled"] = "false",
    ["Ingest:Simulator:RoadNetworkPath"] = "",
    ["Routing:MapSource"] = "synthetic",
    // A 26 × 26 grid has more than the product's 1,247 roads.
    ["Ingest:Simulator:City:GridSize"] = "26",
    // Delivery is measured, not the rules: every jammed reading alerts (no confidence gate, shortest cooldown).
    ["Notifications:MinConfidence"] = "0",
    ["Notifications:Cooldown"] = "00:01:00",
    ["RateLimiting:Enabled"] = "false",
    ["Logging:LogLevel:Default"] = "Warning",
});
silo.Start();
var roads = silo.Services.GetRequiredService<RoadAtlas>().Roads.Take(ProductRoads).Select(road => road.RoadId).ToList();
Console.WriteLine($"Silo up on {silo.HubUrl}; {roads.Count} roads; {Environment.ProcessorCount} cores, load average {LoadAverage()}");

var now = DateTimeOffset.UtcNow;
using var feed = new ReadingFeed(broker.BootstrapServers, new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerHour), TimeSpan.Zero).AddDays(-3));
// Warm-up: one flowing reading per road activates every road grain (no alert: nothing is jammed yet).
foreach (var road in roads) feed.Produce(road, jammed: false);
feed.Flush();
await WaitUntilAsync(async () => await CountAsync("SELECT count(*) FROM predictions") >= roads.Count, TimeSpan.FromMinutes(3), "the warm-up predictions");

await using var clients = new ClientFleet(feed, clientsInProcess, int.Parse(Environment.GetEnvironmentVariable("PUSH_BENCH_CLIENT_NICE") ?? "19", CultureInfo.InvariantCulture));
var connecting = Stopwatch.StartNew();
await clients.ConnectAsync(silo.HubUrl, clientCount);
Console.WriteLine($"{clientCount} SignalR clients connected in {connecting.Elapsed.TotalSeconds:0.0} s ({(clientsInProcess ? "in this process" : $"{ClientFleet.ProbeClients} probes at normal priority, the rest in a child process under nice")})");

var stages = new PipelineStages(dataSource, feed, probe);
await stages.StartAsync();
var rows = new List<LatencyRow>();
var stageTables = new List<(string Phase, IReadOnlyList<string> Rows, IReadOnlyList<string> Throughput)>();
var loadRows = new List<string>();
for (var run = 1; run <= runs; run++)
{
    rows.Add(await PhaseAsync($"product load, run {run}", ticks, () => ProductLoad(run)));
    // seconds = 0: the product load alone, e.g. several runs of it for a median and spread.
    if (seconds > 0) rows.Add(await PhaseAsync($"{rate:N0} readings/s, run {run}", seconds, SteadyRate));
}

Console.WriteLine();
Console.WriteLine($"{clientCount:N0} clients; latency = reading produced to traffic-raw → alert received by a client (ms); load average after: {LoadAverage()}");
Console.WriteLine("| phase | readings | alerts | deliveries expected | received | p50 ms | p99 ms | max ms |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");
foreach (var row in rows) Console.WriteLine(row);
Console.WriteLine();
Console.WriteLine("What each phase cost this process (the silo and the producer; \"per tick\": per product-load tick or per second at the steady rate):");
Console.WriteLine(ProcessLoad.Header);
foreach (var row in loadRows) Console.WriteLine(row);
foreach (var (phase, table, throughput) in stageTables)
{
    Console.WriteLine();
    Console.WriteLine($"Stages, {phase} (per alert; stage 5 and end to end per alert and client):");
    Console.WriteLine("| stage | p50 ms | p99 ms | samples |");
    Console.WriteLine("|---|---|---|---|");
    foreach (var line in table) Console.WriteLine(line);
    Console.WriteLine();
    Console.WriteLine($"Per second, {phase} (from the first prediction stored in the phase; PostgreSQL transaction start times):");
    Console.WriteLine("| second | predictions stored | predictions relayed | alerts stored |");
    Console.WriteLine("|---|---|---|---|");
    foreach (var line in throughput) Console.WriteLine(line);
}

return 0;

async Task<LatencyRow> PhaseAsync(string name, int units, Action produce)
{
    await SettleAsync(name);
    await using var load = ProcessLoad.Start();
    // The phase's alerts are the rows after this id (counted while draining, grouped by type afterwards).
    var lastAlertBefore = await CountAsync("SELECT coalesce(max(id), 0) FROM notifications");
    var phaseAlerts = FormattableString.Invariant($"SELECT count(*) FROM notifications WHERE id > {lastAlertBefore}");
    var readingsBefore = feed.Produced;
    var receivedBefore = await clients.ReceivedAsync();
    _ = await clients.TakeLatenciesAsync();
    // The producer blocks (Produce, Flush, the pacing sleeps): on a thread of its own, not one of the silo's pool threads —
    // on 2 cores a pool thread held for a whole phase made every other work item in the silo wait (up to 3.7 s measured).
    await Task.Factory.StartNew(() =>
    {
        produce();
        feed.Flush();
    }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    // Drained when the stored alerts have all reached every client, or nothing new arrived for 10 s.
    var last = -1L;
    var quiet = Stopwatch.StartNew();
    while (quiet.Elapsed < TimeSpan.FromSeconds(10))
    {
        await Task.Delay(500);
        var expectedNow = await CountAsync(phaseAlerts) * clientCount;
        var received = await clients.ReceivedAsync() - receivedBefore;
        if (received != last) quiet.Restart();
        last = received;
        if (expectedNow > 0 && received >= expectedNow && quiet.Elapsed > TimeSpan.FromSeconds(2)) break;
    }

    // The drain's idle tail is in the figures too; it costs little next to a tick.
    loadRows.Add(await load.StopAsync(name, units));
    var alerts = await CountAsync(phaseAlerts);
    Console.WriteLine($"  alerts stored in {name}: {await AlertTypesAfterAsync(lastAlertBefore)}");
    var (latencies, probeLatencies) = await clients.TakeLatenciesAsync();
    var row = LatencyRow.Of(name, feed.Produced - readingsBefore, alerts, alerts * clientCount, await clients.ReceivedAsync() - receivedBefore, latencies);
    Console.WriteLine(row);
    if (clients.HasProbes)
    {
        var probeRow = LatencyRow.Of($"{name}, the {ClientFleet.ProbeClients} probe clients", 0, alerts, alerts * ClientFleet.ProbeClients, probeLatencies.Length, probeLatencies);
        Console.WriteLine(probeRow);
        rows.Add(probeRow);
    }

    var (stageRows, perSecond) = await stages.TakeAsync(latencies);
    stageTables.Add((name, stageRows, perSecond));
    return row;
}

void ProductLoad(int run)
{
    for (var tick = 0; tick < ticks; tick++)
    {
        var started = Stopwatch.StartNew();
        // A different 5 % each tick; last tick's jammed roads flow again and raise `cleared`.
        for (var i = 0; i < roads.Count; i++) feed.Produce(roads[i], jammed: (i + tick + run) % 20 == 0);
        feed.Flush();
        var rest = TimeSpan.FromSeconds(10) - started.Elapsed;
        if (rest > TimeSpan.Zero) Thread.Sleep(rest);
    }
}

void SteadyRate()
{
    var every = Math.Max(1, rate / JammedPerSecond);
    var clock = Stopwatch.StartNew();
    var total = (long)rate * seconds;
    for (var i = 0L; i < total; i++)
    {
        while (i > clock.Elapsed.TotalSeconds * rate) Thread.Sleep(1);
        feed.Produce(roads[(int)(i % roads.Count)], jammed: i % every == 0);
    }

    Console.WriteLine($"  produced {total:N0} readings in {clock.Elapsed.TotalSeconds:0.0} s");
}

// Every phase starts from a vacuumed database. Otherwise autovacuum, woken by the previous phase's rows (200,000 outbox
// rows claimed by a burst), ran inside some phases and not others (seen for ~15 s in a 10k/s burst, one backend).
// At a sustained rate vacuum is part of the load; these phases measure a burst, each from the same start.
// PUSH_BENCH_SETTLE adds an idle gap after it (see the usage above).
async Task SettleAsync(string phase)
{
    var vacuuming = Stopwatch.StartNew();
    await using var command = dataSource.CreateCommand(
        "VACUUM (ANALYZE) outbox, traffic_data, predictions, notifications, traffic_hourly, traffic_road_daily, traffic_city_hourly");
    command.CommandTimeout = 600;
    await command.ExecuteNonQueryAsync();
    Console.WriteLine($"  vacuumed before {phase} in {vacuuming.Elapsed.TotalSeconds:0.0} s");
    await Task.Delay(settle);
}

async Task<long> CountAsync(string sql)
{
    await using var command = dataSource.CreateCommand(sql);
    return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
}

// Which rules fired, on readings of which (reading) times: a phase expects severe_traffic for its jammed readings and
// cleared for the roads that flow again; anything else, such as alerts on an earlier phase's readings, shows here.
async Task<string> AlertTypesAfterAsync(long lastIdBefore)
{
    await using var command = dataSource.CreateCommand(
        """
        SELECT alert_type, count(*), min("timestamp"), max("timestamp")
        FROM notifications WHERE id > $1 GROUP BY alert_type ORDER BY alert_type
        """);
    command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = lastIdBefore });
    var counts = new List<string>();
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        counts.Add(FormattableString.Invariant(
            $"{reader.GetString(0)} {reader.GetInt64(1):N0} (readings of {reader.GetDateTime(2):MM-dd HH:mm}–{reader.GetDateTime(3):MM-dd HH:mm})"));
    }

    return counts.Count == 0 ? "none" : string.Join(", ", counts);
}

static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
{
    var waited = Stopwatch.StartNew();
    while (!await condition())
    {
        if (waited.Elapsed > timeout) throw new TimeoutException($"Gave up waiting for {what} after {timeout.TotalSeconds:0} s.");
        await Task.Delay(500);
    }
}

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
