using TrafficOrleans.Roads;
using TrafficOrleans.Routing.Graph;
using TrafficOrleans.Routing.Synthetic;

namespace TrafficOrleans.Routing.Tests;

public class SpatialIndexTests
{
    private static readonly Lazy<RoutingNetwork> s_network = new(() => new RoutingNetwork(RoadGraphBuilder.Build(GridGraphGenerator.Generate(30, 30, seed: 2))));

    [Fact]
    public void Nearest_node_matches_a_brute_force_scan()
    {
        var network = s_network.Value;
        var graph = network.Graph;
        var random = new Random(1);
        for (var q = 0; q < 300; q++)
        {
            var point = RandomPointAround(graph, random);
            var expected = Enumerable.Range(0, graph.NodeCount).Where(network.IsRoutable).Min(v => point.DistanceMetersTo(graph.NodePoint(v)));

            var snap = network.Index.NearestNode(point, 10_000);

            Assert.NotNull(snap);
            Assert.True(network.IsRoutable(snap.Value.Node));
            Assert.Equal(expected, snap.Value.DistanceMeters, 0.05 + (expected * 0.002));
        }
    }

    [Fact]
    public void Nearest_edge_matches_a_brute_force_scan_and_lies_on_the_edge()
    {
        var network = s_network.Value;
        var graph = network.Graph;
        var random = new Random(2);
        for (var q = 0; q < 200; q++)
        {
            var point = RandomPointAround(graph, random);
            var expected = Enumerable.Range(0, graph.EdgeCount)
                .Where(e => network.IsRoutable(graph.EdgeAt(e).From) && network.IsRoutable(graph.HeadOf(e)))
                .Min(e => DistanceToSegment(point, graph.NodePoint(graph.EdgeAt(e).From), graph.NodePoint(graph.HeadOf(e))));

            var snap = network.Index.NearestEdge(point, 10_000);

            Assert.NotNull(snap);
            Assert.Equal(expected, snap.Value.DistanceMeters, 0.05 + (expected * 0.002));
            var from = graph.NodePoint(graph.EdgeAt(snap.Value.Edge).From);
            var to = graph.NodePoint(graph.HeadOf(snap.Value.Edge));
            Assert.Equal(0, DistanceToSegment(snap.Value.Point, from, to), 0.05);
            Assert.InRange(snap.Value.Fraction, 0, 1);
        }
    }

    [Fact]
    public void Points_beyond_the_snap_distance_find_nothing()
    {
        var index = s_network.Value.Index;
        var farAway = new GeoPoint(21.5, 106.5);

        Assert.Null(index.NearestNode(farAway, 500));
        Assert.Null(index.NearestEdge(farAway, 500));
        Assert.NotNull(index.NearestNode(farAway, 200_000));
    }

    private static GeoPoint RandomPointAround(RoadGraph graph, Random random)
    {
        // Mostly inside the grid's box, some up to ~1 km outside it.
        var lats = graph.NodeLatitudes.ToArray();
        var lngs = graph.NodeLongitudes.ToArray();
        double Pick(double min, double max) => min - 0.01 + (random.NextDouble() * (max - min + 0.02));
        return new GeoPoint(Pick(lats.Min(), lats.Max()), Pick(lngs.Min(), lngs.Max()));
    }

    private static double DistanceToSegment(GeoPoint p, GeoPoint a, GeoPoint b)
    {
        // Closed form in a flat frame centred on p (ample at street scale), independent of the index's grid.
        var metersPerLng = 111_320 * Math.Cos(p.Lat * Math.PI / 180);
        double ax = (a.Lng - p.Lng) * metersPerLng, ay = (a.Lat - p.Lat) * 111_320;
        double bx = (b.Lng - p.Lng) * metersPerLng, by = (b.Lat - p.Lat) * 111_320;
        double dx = bx - ax, dy = by - ay;
        var t = Math.Clamp(-((ax * dx) + (ay * dy)) / ((dx * dx) + (dy * dy)), 0, 1);
        return Math.Sqrt(Math.Pow(ax + (t * dx), 2) + Math.Pow(ay + (t * dy), 2));
    }
}
