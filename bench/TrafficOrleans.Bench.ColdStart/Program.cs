// Starts the built silo several times on a scratch database and measures GET /traffic/current under N concurrent
// connections: the first window after /health/ready answers (cold) and a window 20 s later (warm), with the
// start-up warm-up off and on. Prints medians and spreads; never fails on timing.
//
//   dotnet build -c Release silo && dotnet run -c Release --project bench/TrafficOrleans.Bench.ColdStart -- [--runs 3] [--connections 32] [--window 10] [--silo path/to/TrafficOrleans.Silo.dll]
using System.Diagnostics;
using System.Globalization;
using Npgsql;
using TrafficOrleans.Bench.ColdStart;

var runs = Argument("--runs", 3);
var connections = Argument("--connections", 32);
var window = TimeSpan.FromSeconds(Argument("--window", 10));
var silo = ArgumentText("--silo") ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../silo/bin/Release/net10.0/TrafficOrleans.Silo.dll"));
var server = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") ?? "Host=localhost;Port=55432;Database=traffic;Username=traffic;Password=traffic";
var redis = (Environment.GetEnvironmentVariable("ConnectionStrings__Redis") ?? "localhost:56379") + ",defaultDatabase=13";
if (!File.Exists(silo)) throw new FileNotFoundException($"Build the silo first: dotnet build -c Release silo ({silo})");

// A database of the bench's own, so a silo started here never migrates or fills anyone else's.
var postgres = new NpgsqlConnectionStringBuilder(server) { Database = "traffic_bench_coldstart" }.ConnectionString;
await using (var admin = new NpgsqlConnection(server))
{
    await admin.OpenAsync();
    await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = 'traffic_bench_coldstart'", admin);
    if (await exists.ExecuteScalarAsync() is null)
    {
        await using var create = new NpgsqlCommand("CREATE DATABASE traffic_bench_coldstart", admin);
        await create.ExecuteNonQueryAsync();
    }
}

Console.WriteLine($"silo {silo}; {runs} runs per variant, {connections} connections, {window.TotalSeconds:0} s windows; GET /traffic/current");
var results = new List<RunResult>();
foreach (var warmup in new[] { false, true })
{
    for (var run = 1; run <= runs; run++)
    {
        var result = await SiloRun.MeasureAsync(silo, postgres, redis, warmup, connections, window);
        results.Add(result);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  warm-up {(warmup ? "on " : "off")} run {run}: ready {result.ReadySeconds:0.0} s, cold p50 {result.Cold.P50:0.0} ms p95 {result.Cold.P95:0.0} ms ({result.Cold.Count} req), warm p50 {result.Warm.P50:0.0} ms p95 {result.Warm.P95:0.0} ms ({result.Warm.Count} req)"));
    }
}

Console.WriteLine();
Console.WriteLine("| warm-up | runs | ready after start (s) | cold p50 (ms) | cold p95 (ms) | warm p50 (ms) | warm p95 (ms) | cold p50 / warm p50 |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");
foreach (var group in results.GroupBy(r => r.Warmup))
{
    var list = group.ToList();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {(group.Key ? "on" : "off")} | {list.Count} | {Spread(list.Select(r => r.ReadySeconds))} | {Spread(list.Select(r => r.Cold.P50))} | {Spread(list.Select(r => r.Cold.P95))} | {Spread(list.Select(r => r.Warm.P50))} | {Spread(list.Select(r => r.Warm.P95))} | {Median(list.Select(r => r.Cold.P50 / Math.Max(r.Warm.P50, 0.001))):0.0}× |"));
}

return 0;

// Median with the range of the runs.
static string Spread(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return string.Create(CultureInfo.InvariantCulture, $"{Median(sorted):0.0} ({sorted[0]:0.0}–{sorted[^1]:0.0})");
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

int Argument(string name, int fallback) => ArgumentText(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

string? ArgumentText(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
