using TrafficOrleans.Routing.Graph;
using TrafficOrleans.Routing.Routes;

namespace TrafficOrleans.Routing.Tests;

public class ShortestPathPropertyTests
{
    [Theory]
    [InlineData(1, 8, false)]
    [InlineData(2, 8, false)]
    [InlineData(3, 0, false)]
    [InlineData(4, 0, false)]
    [InlineData(5, 8, true)]
    [InlineData(6, 4, true)]
    public void Best_route_eta_equals_plain_dijkstra_on_random_graphs(int seed, int landmarks, bool refreshLandmarksThenUpdate)
    {
        var network = new RoutingNetwork(RoadGraphBuilder.Build(TestGraphs.Random(300, seed)), landmarks);
        var weights = TestGraphs.RandomWeights(network, seed + 100);
        if (refreshLandmarksThenUpdate)
        {
            // Landmarks on these weights, then new forecasts (some roads faster than the basis) on top of them.
            var newer = TestGraphs.RandomWeights(network, seed + 300);
            var half = Enumerable.Range(0, network.Graph.RoadCount).Where(r => r % 2 == 0).Select(r =>
            {
                var v = newer.SpeedsOf(network.Graph.RoadIdOf(r))!.Value;
                return new Weights.RoadSpeedForecast(network.Graph.RoadIdOf(r), v.Now, v.In10Min, v.In20Min, v.In30Min);
            });
            weights = weights.WithRefreshedLandmarks().ApplyPredictions(half, TestGraphs.T0.AddMinutes(1)).Snapshot;
        }

        var planner = new RoutePlanner();
        var random = new Random(seed + 200);
        var reachable = 0;
        var routable = Enumerable.Range(0, network.Graph.NodeCount).Where(network.IsRoutable).ToArray();
        for (var q = 0; q < 200; q++)
        {
            // Half the queries inside the routable component, half between any nodes (some unreachable).
            var source = q % 2 == 0 ? routable[random.Next(routable.Length)] : random.Next(network.Graph.NodeCount);
            var target = q % 2 == 0 ? routable[random.Next(routable.Length)] : random.Next(network.Graph.NodeCount);
            var departure = random.Next(4) * 9.0;
            var expected = ReferenceDijkstra.TravelSeconds(weights, source, target, departure);

            var (best, _) = planner.Plan(weights, source, target, departure, alternatives: 0);

            if (double.IsPositiveInfinity(expected))
            {
                Assert.Null(best);
                continue;
            }

            reachable++;
            Assert.NotNull(best);
            Assert.Equal(expected / 60, best.EtaMinutes, 1e-6);
            AssertIsPath(network.Graph, source, target, best.Edges);
        }

        Assert.True(reachable > 100, $"only {reachable} of 200 random queries had a path; the generator is too sparse to test much");
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Time_dependent_best_route_equals_time_dependent_dijkstra_with_landmarks_on_the_forecasts(int seed)
    {
        // Landmarks refreshed on independent per-horizon forecasts: one set per bucket, so a route crossing bucket
        // boundaries switches bound sets (and may reopen nodes); departures at any minute put the boundaries anywhere.
        var network = new RoutingNetwork(RoadGraphBuilder.Build(TestGraphs.Random(400, seed)), 6);
        var weights = TestGraphs.RandomWeights(network, seed + 100).WithRefreshedLandmarks();
        var planner = new RoutePlanner();
        var random = new Random(seed + 200);
        var routable = Enumerable.Range(0, network.Graph.NodeCount).Where(network.IsRoutable).ToArray();
        for (var q = 0; q < 200; q++)
        {
            var (source, target) = (routable[random.Next(routable.Length)], routable[random.Next(routable.Length)]);
            var departure = random.NextDouble() * 30;
            var expected = ReferenceDijkstra.TravelSeconds(weights, source, target, departure);

            var (best, _) = planner.Plan(weights, source, target, departure, alternatives: 0);

            Assert.NotNull(best);
            Assert.Equal(expected / 60, best.EtaMinutes, 1e-6);
            AssertIsPath(network.Graph, source, target, best.Edges);
        }
    }

    private static void AssertIsPath(RoadGraph graph, int source, int target, IReadOnlyList<int> edges)
    {
        var at = source;
        foreach (var e in edges)
        {
            Assert.Equal(at, graph.EdgeAt(e).From);
            at = graph.HeadOf(e);
        }

        Assert.Equal(target, at);
    }
}
