using TrafficOrleans.Routing.Graph;
using TrafficOrleans.Routing.Routes;

namespace TrafficOrleans.Routing.Tests;

public class ShortestPathPropertyTests
{
    [Theory]
    [InlineData(1, 8)]
    [InlineData(2, 8)]
    [InlineData(3, 0)]
    [InlineData(4, 0)]
    public void Best_route_eta_equals_plain_dijkstra_on_random_graphs(int seed, int landmarks)
    {
        var network = new RoutingNetwork(RoadGraphBuilder.Build(TestGraphs.Random(300, seed)), landmarks);
        var weights = TestGraphs.RandomWeights(network, seed + 100);
        var planner = new RoutePlanner();
        var random = new Random(seed + 200);
        var reachable = 0;
        for (var q = 0; q < 200; q++)
        {
            var source = random.Next(network.Graph.NodeCount);
            var target = random.Next(network.Graph.NodeCount);
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
