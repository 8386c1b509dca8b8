using System.Diagnostics;
using TrafficOrleans.Roads;
using TrafficOrleans.Routing;
using TrafficOrleans.Routing.Graph;
using TrafficOrleans.Routing.Routes;
using TrafficOrleans.Routing.Weights;

namespace TrafficOrleans.Bench.Routing;

/// <summary>
/// One graph measured end to end: build, snapping, best path and best + 2 alternatives (ours) against QuikGraph's
/// Dijkstra on the same queries, plus applying a prediction batch and serializing the snapshot.
/// </summary>
internal sealed class Scenario(string name, IReadOnlyList<RoadSegment> segments, int queries, int baselineQueries, TextWriter log)
{
    private static readonly DateTimeOffset T0 = new(2025, 10, 15, 14, 9, 5, TimeSpan.Zero);
    private readonly List<(string Operation, LatencyStats Stats, string Note)> _rows = [];

    public IReadOnlyList<(string Operation, LatencyStats Stats, string Note)> Rows => _rows;

    public string Summary { get; private set; } = "";

    /// <summary>The time-dependent weights with refreshed landmarks, for the replica comparison.</summary>
    public WeightsSnapshot? ForecastWeights { get; private set; }

    /// <summary>The measured query pairs.</summary>
    public (int Source, int Target)[] Pairs { get; private set; } = [];

    public void Run()
    {
        var clock = Stopwatch.StartNew();
        var graph = RoadGraphBuilder.Build(segments);
        var buildMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var network = new RoutingNetwork(graph);
        var networkMs = clock.Elapsed.TotalMilliseconds;
        Summary = $"{name}: {graph.NodeCount:N0} nodes, {graph.EdgeCount:N0} edges, {graph.RoadCount:N0} roads, routable {network.RoutableNodeCount:N0}; "
            + $"graph build {buildMs:F0} ms, landmarks + index {networkMs:F0} ms";
        log.WriteLine(Summary);

        var random = new Random(42);
        var (staticWeights, forecastWeights) = Weights(network, random);
        var pairs = RoutablePairs(network, random, queries);
        var planner = new RoutePlanner();

        _rows.Add(("snap lat/lng → node", Measure(pairs, (s, _) => network.Index.NearestNode(Jitter(graph.NodePoint(s), random), 500)), ""));
        _rows.Add(("ours: best path, free-flow landmarks", Measure(pairs, (s, t) => planner.Plan(staticWeights, s, t, 0, 0)), "ALT A*, static weights"));
        clock.Restart();
        var staticRefreshed = staticWeights.WithRefreshedLandmarks();
        var forecastRefreshed = forecastWeights.WithRefreshedLandmarks();
        log.WriteLine($"{name}: landmark refresh {clock.Elapsed.TotalMilliseconds / 2:F0} ms per snapshot");
        _rows.Add(("ours: best path", Measure(pairs, (s, t) => planner.Plan(staticRefreshed, s, t, 0, 0)), "ALT A*, landmarks refreshed, static weights"));
        _rows.Add(("ours: best + 2 alternatives", Measure(pairs, (s, t) => planner.Plan(staticRefreshed, s, t, 0, 2)), "penalty method"));
        _rows.Add(("ours: best path, time-dependent", Measure(pairs, (s, t) => planner.Plan(forecastRefreshed, s, t, 0, 0)), "now/+10/+20/+30 buckets"));
        _rows.Add(("ours: recommend (snap + best + 2), TD", Measure(pairs, (s, t) => planner.Recommend(forecastRefreshed, graph.NodePoint(s), graph.NodePoint(t), TimeSpan.Zero)), "full library call"));

        var handler = RecommendRequests.Handler(forecastRefreshed);
        _rows.Add(("recommend request (handler, no cache), TD", Measure(pairs, (s, t) => handler.RecommendAsync(RecommendRequests.Query(forecastRefreshed, s, t)).GetAwaiter().GetResult()), "what the route-query grain runs"));
        ForecastWeights = forecastRefreshed;
        Pairs = pairs;

        log.WriteLine($"{name}: building the QuikGraph copy…");
        var baseline = new QuikGraphBaseline(staticWeights);
        var baselinePairs = pairs.Take(baselineQueries).ToArray();
        _rows.Add(("QuikGraph 2.5.0 Dijkstra: best path", Measure(baselinePairs, (s, t) => baseline.TravelSeconds(s, t)), Agreement(baselinePairs, baseline, planner, staticWeights)));

        var batch = Enumerable.Range(0, 100).Select(i => Forecast(graph, random.Next(graph.RoadCount), random)).ToArray();
        _rows.Add(("apply 100 predictions → new snapshot", Measure(pairs.Take(50).ToArray(), (_, _) => forecastWeights.ApplyPredictions(batch, T0.AddMinutes(1))), "copies arrays"));
        var bytes = WeightsSnapshotSerializer.Serialize(forecastWeights);
        _rows.Add(("serialize weights snapshot", Measure(pairs.Take(50).ToArray(), (_, _) => WeightsSnapshotSerializer.Serialize(forecastWeights)), $"{bytes.Length:N0} bytes"));
    }

    private static (WeightsSnapshot Static, WeightsSnapshot Forecast) Weights(RoutingNetwork network, Random random)
    {
        var graph = network.Graph;
        var free = WeightsSnapshot.FreeFlow(network, T0);
        // Static: one congested speed for all horizons, so the "now" weights QuikGraph sees are the whole truth.
        var congested = Enumerable.Range(0, graph.RoadCount).Select(r =>
        {
            var speed = graph.RoadAt(r).FreeFlowSpeedKmh * (0.3 + (0.7 * random.NextDouble()));
            return new RoadSpeedForecast(graph.RoadIdOf(r), speed, speed, speed, speed);
        }).ToArray();
        var forecasts = Enumerable.Range(0, graph.RoadCount).Select(r => Forecast(graph, r, random)).ToArray();
        return (free.ApplyPredictions(congested, T0).Snapshot, free.ApplyPredictions(forecasts, T0).Snapshot);
    }

    private static RoadSpeedForecast Forecast(RoadGraph graph, int road, Random random)
    {
        var ff = graph.RoadAt(road).FreeFlowSpeedKmh;
        double F() => ff * (0.3 + (0.7 * random.NextDouble()));
        return new RoadSpeedForecast(graph.RoadIdOf(road), F(), F(), F(), F());
    }

    private static (int, int)[] RoutablePairs(RoutingNetwork network, Random random, int count)
    {
        var routable = Enumerable.Range(0, network.Graph.NodeCount).Where(network.IsRoutable).ToArray();
        return Enumerable.Range(0, count).Select(_ => (routable[random.Next(routable.Length)], routable[random.Next(routable.Length)])).ToArray();
    }

    private static GeoPoint Jitter(GeoPoint p, Random random) => new(p.Lat + ((random.NextDouble() - 0.5) * 0.001), p.Lng + ((random.NextDouble() - 0.5) * 0.001));

    private static void Warm((int, int)[] pairs, Func<int, int, object?> query)
    {
        foreach (var (s, t) in pairs) query(s, t);
    }

    private static LatencyStats Measure((int, int)[] pairs, Func<int, int, object?> query)
    {
        // One untimed pass first so tiered JIT has promoted the hot loops before anything is timed.
        Warm(pairs, query);
        var samples = new List<double>(pairs.Length);
        foreach (var (s, t) in pairs)
        {
            var start = Stopwatch.GetTimestamp();
            GC.KeepAlive(query(s, t));
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return LatencyStats.Of(samples);
    }

    private static string Agreement((int, int)[] pairs, QuikGraphBaseline baseline, RoutePlanner planner, WeightsSnapshot weights)
    {
        var agree = pairs.Count(p =>
        {
            var theirs = baseline.TravelSeconds(p.Item1, p.Item2);
            var ours = planner.Plan(weights, p.Item1, p.Item2, 0, 0).Best?.EtaMinutes * 60 ?? double.PositiveInfinity;
            return Math.Abs(theirs - ours) <= 1e-6 * Math.Max(1, theirs);
        });
        return $"same ETA as ours on {agree}/{pairs.Length}";
    }
}
