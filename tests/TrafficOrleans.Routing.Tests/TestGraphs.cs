using TrafficOrleans.Roads;
using TrafficOrleans.Routing.Graph;
using TrafficOrleans.Routing.Weights;

namespace TrafficOrleans.Routing.Tests;

/// <summary>Small hand-made and random road sets for tests.</summary>
internal static class TestGraphs
{
    public static readonly DateTimeOffset T0 = new(2025, 10, 15, 14, 9, 5, TimeSpan.Zero);

    /// <summary>A straight one-way road between two points with a stated length and free-flow speed.</summary>
    public static RoadSegment Road(string id, string name, GeoPoint from, GeoPoint to, double lengthMeters, double freeFlowKmh) =>
        new(id, name, 3, lengthMeters, freeFlowKmh, [from, to]);

    /// <summary>
    /// Random planar-ish graph: nodes scattered over ~4 km, each linked to a few random near neighbours, some
    /// links one-way, some with a stated length shorter than the straight line (HERE does that).
    /// </summary>
    public static IReadOnlyList<RoadSegment> Random(int nodes, int seed)
    {
        var random = new Random(seed);
        var points = new GeoPoint[nodes];
        for (var i = 0; i < nodes; i++) points[i] = new GeoPoint(21.0 + (random.NextDouble() * 0.04), 105.8 + (random.NextDouble() * 0.04));
        var segments = new List<RoadSegment>();
        for (var i = 0; i < nodes; i++)
        {
            var neighbours = Enumerable.Range(0, nodes).Where(j => j != i).OrderBy(j => points[i].DistanceMetersTo(points[j])).Take(3).ToArray();
            foreach (var j in neighbours)
            {
                // Half the links two-way, the rest one-way in a random direction; parallel links may occur.
                var roll = random.NextDouble();
                if (roll < 0.75) Link(i, j);
                if (roll < 0.5 || roll >= 0.75) Link(j, i);
            }
        }

        void Link(int from, int to)
        {
            var length = points[from].DistanceMetersTo(points[to]) * (random.NextDouble() < 0.2 ? 0.8 : 1.0);
            var speed = 10 + (random.NextDouble() * 50);
            segments.Add(new RoadSegment($"r{segments.Count}", $"Street {from}-{to}", 1 + random.Next(5), length, speed, [points[from], points[to]]));
        }

        return segments;
    }

    /// <summary>Random forecasts for every road: each horizon independently 20–110 % of free flow.</summary>
    public static WeightsSnapshot RandomWeights(RoutingNetwork network, int seed)
    {
        var random = new Random(seed);
        var graph = network.Graph;
        var forecasts = new List<RoadSpeedForecast>();
        for (var r = 0; r < graph.RoadCount; r++)
        {
            var ff = graph.RoadAt(r).FreeFlowSpeedKmh;
            double F() => ff * (0.2 + (random.NextDouble() * 0.9));
            forecasts.Add(new RoadSpeedForecast(graph.RoadIdOf(r), F(), F(), F(), F()));
        }

        return WeightsSnapshot.FreeFlow(network, T0).ApplyPredictions(forecasts, T0.AddSeconds(1)).Snapshot;
    }
}
