using TrafficOrleans.Routing.Graph;
using TrafficOrleans.Routing.Routes;
using TrafficOrleans.Routing.Synthetic;

namespace TrafficOrleans.Routing.Tests;

public class AlternativeRouteTests
{
    private static readonly Lazy<RoutingNetwork> s_grid = new(() => new RoutingNetwork(RoadGraphBuilder.Build(GridGraphGenerator.Generate(40, 40, seed: 7))));

    [Fact]
    public void Alternatives_on_a_city_grid_are_distinct_bounded_in_overlap_and_stretch()
    {
        var network = s_grid.Value;
        var weights = TestGraphs.RandomWeights(network, 11);
        var options = new RoutePlannerOptions();
        var planner = new RoutePlanner(options);
        var random = new Random(5);
        var withTwo = 0;
        for (var q = 0; q < 30; q++)
        {
            var (source, target) = FarApartRoutablePair(network, random);
            var (best, alternatives) = planner.Plan(weights, source, target, 0, alternatives: 2);

            Assert.NotNull(best);
            Assert.True(alternatives.Count <= 2);
            if (alternatives.Count == 2) withTwo++;
            Route[] all = [best, .. alternatives];
            for (var i = 0; i < all.Length; i++)
            {
                for (var j = 0; j < i; j++)
                {
                    Assert.NotEqual(all[j].Edges, all[i].Edges);
                    Assert.True(Overlap(network.Graph, all[i], all[j]) <= options.MaxOverlap + 1e-9, "alternative overlaps an earlier route too much");
                }

                Assert.True(all[i].EtaMinutes <= (best.EtaMinutes * options.MaxStretch) + 1e-9, "alternative is too slow");
                Assert.True(all[i].EtaMinutes >= best.EtaMinutes - 1e-9, "an alternative beat the best route");
            }
        }

        Assert.True(withTwo >= 25, $"a 40×40 grid offers two alternatives almost always, got {withTwo}/30");
    }

    [Fact]
    public void A_single_corridor_yields_no_alternatives_rather_than_repeating_the_route()
    {
        // A two-way chain: exactly one simple route between its ends.
        var segments = Enumerable.Range(0, 5).SelectMany(i => new[]
        {
            TestGraphs.Road($"f{i}", $"Block {i}", new(21.0, 105.80 + (i * 0.001)), new(21.0, 105.80 + ((i + 1) * 0.001)), 104, 30),
            TestGraphs.Road($"b{i}", $"Block {i}", new(21.0, 105.80 + ((i + 1) * 0.001)), new(21.0, 105.80 + (i * 0.001)), 104, 30),
        }).ToList();
        var network = new RoutingNetwork(RoadGraphBuilder.Build(segments));
        var weights = Weights.WeightsSnapshot.FreeFlow(network, TestGraphs.T0);
        var ends = new[] { new Roads.GeoPoint(21.0, 105.80), new Roads.GeoPoint(21.0, 105.805) }.Select(p => network.Index.NearestNode(p, 1)!.Value.Node).ToArray();

        var (best, alternatives) = new RoutePlanner().Plan(weights, ends[0], ends[1], 0, alternatives: 2);

        Assert.Equal(5, best!.Edges.Count);
        Assert.Empty(alternatives);
    }

    [Fact]
    public void An_alternative_search_weight_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RoutePlanner(new RoutePlannerOptions { AlternativeSearchWeight = 0.9 }));
    }

    private static (int, int) FarApartRoutablePair(RoutingNetwork network, Random random)
    {
        while (true)
        {
            var s = random.Next(network.Graph.NodeCount);
            var t = random.Next(network.Graph.NodeCount);
            if (network.IsRoutable(s) && network.IsRoutable(t) && network.Graph.NodePoint(s).DistanceMetersTo(network.Graph.NodePoint(t)) > 1500) return (s, t);
        }
    }

    private static double Overlap(RoadGraph graph, Route candidate, Route other)
    {
        var otherEdges = other.Edges.ToHashSet();
        var shared = candidate.Edges.Where(otherEdges.Contains).Sum(e => graph.EdgeAt(e).LengthMeters);
        return shared / candidate.Edges.Sum(e => graph.EdgeAt(e).LengthMeters);
    }
}
