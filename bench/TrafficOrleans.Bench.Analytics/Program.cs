using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TrafficOrleans.Api.Analytics;
using TrafficOrleans.Bench.Analytics;
using TrafficOrleans.Bench.Streams;
using TrafficOrleans.Storage.Postgres;

// Usage: dotnet run -c Release --project bench/TrafficOrleans.Bench.Analytics -- [days=28] [roads=772] [requests=30] [runs=3]
// Needs the private PostgreSQL (./scripts/services.sh up). Fills a throw-away database with `days` of 5-minute readings
// of `roads` roads (inserted through the same trigger the pipeline's writes go through), then times the default
// /analytics/trends query (last 7 days, city-wide) and a 28-day one, against a scan of traffic_data giving the same answers.
var days = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 28;
var roads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 772;
var requests = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 30;
var runs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;

var server = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") ?? "Host=localhost;Port=55432;Database=traffic;Username=traffic;Password=traffic";
await using var database = await BenchDatabase.CreateAsync(server);
await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString) { CommandTimeout = 3600 }.ConnectionString);
await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();

var hanoi = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
var end = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero);
var start = end.AddDays(-days);
await Execute($"SELECT traffic_ensure_partitions('traffic_data', '{start:yyyy-MM-dd}'::date, '{end.AddDays(1):yyyy-MM-dd}'::date)");
var fill = Stopwatch.StartNew();
for (var day = 0; day < days; day++)
{
    // One statement per day, as a back-fill writes: the trigger aggregates each statement's rows into the rollup.
    await Execute(
        $"""
        INSERT INTO traffic_data (road_id, "timestamp", speed, free_flow_speed, jam_factor, congestion_level, speed_ratio, is_rush_hour, event_id, road_name)
        SELECT 'road_' || r, t, s, 50, j, CASE WHEN s < 12.5 THEN 'severe' WHEN s < 25 THEN 'heavy' WHEN s < 37.5 THEN 'moderate' ELSE 'free' END, s / 50, false, gen_random_uuid(), 'Road ' || r
        FROM generate_series(1, {roads}) r,
             generate_series('{start.AddDays(day):O}'::timestamptz, '{start.AddDays(day + 1).AddMinutes(-5):O}'::timestamptz, interval '5 minutes') t,
             LATERAL (SELECT 5 + 45 * abs(sin(r * 0.7 + extract(epoch FROM t) / 7200.0)) AS s, 8 * abs(cos(r * 1.3 + extract(epoch FROM t) / 5400.0)) AS j) v
        """);
    Console.Write($"\rfilled {day + 1}/{days} days ({fill.Elapsed.TotalSeconds:0} s)");
}

await Execute("VACUUM ANALYZE traffic_data");
await Execute("VACUUM ANALYZE traffic_hourly");
var readings = await Scalar("SELECT count(*) FROM traffic_data");
Console.WriteLine($"\n{readings:N0} readings, {await Scalar("SELECT count(*) FROM traffic_hourly"):N0} rollup rows, filled in {fill.Elapsed.TotalSeconds:0} s");

Console.WriteLine();
Console.WriteLine("| query | period | rollup p50 ms | rollup p95 ms | scan p50 ms | scan p95 ms | scan / rollup (p50) |");
Console.WriteLine("|---|---|---|---|---|---|---|");
foreach (var period in new[] { 7, days })
{
    var from = end.AddDays(-period);
    var rollup = new List<double>();
    var scan = new List<double>();
    for (var run = 0; run < runs; run++)
    {
        // Side by side, alternating, so both see the same machine noise.
        rollup.AddRange(await Time(requests, () => CityTrendsQuery.RunAsync(dataSource, from, end, null, 10, hanoi)));
        scan.AddRange(await Time(Math.Max(1, requests / 10), () => ScanBaseline.RunAsync(dataSource, from, end)));
    }

    Console.WriteLine($"| city-wide trends | {period} days | {P(rollup, 0.5):0.0} | {P(rollup, 0.95):0.0} | {P(scan, 0.5):0} | {P(scan, 0.95):0} | {P(scan, 0.5) / P(rollup, 0.5):0}x |");
}

return;

async Task<List<double>> Time<T>(int count, Func<Task<T>> action)
{
    var times = new List<double>(count);
    for (var i = 0; i < count; i++)
    {
        var started = Stopwatch.GetTimestamp();
        await action();
        times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    return times;
}

static double P(List<double> values, double q)
{
    var sorted = values.Order().ToList();
    return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(q * sorted.Count))];
}

async Task Execute(string sql)
{
    await using var command = dataSource.CreateCommand(sql);
    await command.ExecuteNonQueryAsync();
}

async Task<long> Scalar(string sql)
{
    await using var command = dataSource.CreateCommand(sql);
    return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
}
