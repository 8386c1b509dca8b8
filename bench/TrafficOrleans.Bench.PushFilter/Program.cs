using System.Diagnostics;
using System.Globalization;
using TrafficOrleans.Push.Subscriptions;
using TrafficOrleans.Roads;
using TrafficOrleans.Roads.Synthetic;

// Usage: dotnet run -c Release --project bench/TrafficOrleans.Bench.PushFilter -- [runs=5]
// Matching cost of one trafficUpdated batch (every road of the map changed, the worst case) and of one alert, for
// 1,000 / 10,000 / 100,000 connections, each subscribed to a random area of 1–3 km: every connection's subscription
// tested against each road (PushSubscription.Matches, the filter before the index) versus what PushConnections does
// now — candidates from the grid-cell SubscriptionIndex, then the same exact test. Median of `runs`.
var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var atlas = new RoadAtlas(SyntheticCity.Generate(new SyntheticCityOptions { GridSize = 26 }));
var roads = atlas.Roads.Select(road => (road.RoadId, road.Box)).ToArray();
var city = roads.Select(r => r.Box).Aggregate((a, b) => a.Including(new GeoPoint(b.South, b.West)).Including(new GeoPoint(b.North, b.East)));
Console.WriteLine($"{roads.Length} roads of the synthetic city, extent {city}");
Console.WriteLine();
Console.WriteLine("| connections | scan all: batch of all roads ms | cell index: same ms | scan all: one alert µs | cell index: one alert µs | recipients per alert |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (var connections in new[] { 1_000, 10_000, 100_000 })
{
    var random = new Random(7);
    var subscriptions = new PushSubscription[connections];
    var index = new SubscriptionIndex<PushSubscription>();
    for (var i = 0; i < connections; i++)
    {
        subscriptions[i] = PushSubscription.Everything.WithArea(RandomArea(random, city));
        index.Update(subscriptions[i], null, subscriptions[i]);
    }

    var scratch = new HashSet<PushSubscription>(ReferenceEqualityComparer.Instance);
    var filterBatch = new List<double>();
    var groupBatch = new List<double>();
    long recipients = 0;
    for (var run = 0; run < runs; run++)
    {
        var started = Stopwatch.GetTimestamp();
        long matched = 0;
        foreach (var subscription in subscriptions)
        {
            foreach (var (id, box) in roads) if (subscription.Matches(id, box)) matched++;
        }

        filterBatch.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        started = Stopwatch.GetTimestamp();
        long indexed = 0;
        foreach (var (id, box) in roads)
        {
            scratch.Clear();
            index.AddCandidates(id, box, scratch);
            foreach (var candidate in scratch) if (candidate.Matches(id, box)) indexed++;
        }

        groupBatch.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (indexed != matched) throw new InvalidOperationException($"The index found {indexed} recipients, the scan {matched}.");
        recipients = matched;
    }

    var perAlertFilter = Median(filterBatch) * 1000 / roads.Length;
    var perAlertGroup = Median(groupBatch) * 1000 / roads.Length;
    Console.WriteLine(FormattableString.Invariant(
        $"| {connections:N0} | {Median(filterBatch):0.0} | {Median(groupBatch):0.0} | {perAlertFilter:0.0} | {perAlertGroup:0.0} | {(double)recipients / roads.Length:0} |"));
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted[sorted.Length / 2];
}

static GeoBox RandomArea(Random random, GeoBox city)
{
    // 1–3 km across (~0.009–0.027°), somewhere in the city.
    var size = 0.009 + (random.NextDouble() * 0.018);
    var south = city.South + (random.NextDouble() * (city.North - city.South));
    var west = city.West + (random.NextDouble() * (city.East - city.West));
    return new GeoBox(south, west, south + size, west + size);
}
