using TrafficOrleans.Roads;
using TrafficOrleans.Routing.Graph;

namespace TrafficOrleans.Routing.Tests;

public class RoadGraphBuilderTests
{
    private static readonly GeoPoint A = new(21.0000, 105.8000);
    private static readonly GeoPoint B = new(21.0000, 105.8100);
    private static readonly GeoPoint C = new(21.0100, 105.8100);

    [Fact]
    public void Segment_ends_within_tolerance_become_one_junction()
    {
        // B shifted by ~0.9 m: the same junction as rounded differently by a source.
        var bShifted = new GeoPoint(B.Lat + 0.000008, B.Lng);
        var graph = RoadGraphBuilder.Build([
            TestGraphs.Road("ab", "Kim Ma", A, B, 1040, 40),
            TestGraphs.Road("bc", "Lieu Giai", bShifted, C, 1110, 40),
        ]);

        Assert.Equal(3, graph.NodeCount);
        Assert.Equal(2, graph.EdgeCount);
        var ab = graph.EdgesOfRoad("ab")[0];
        var bc = graph.EdgesOfRoad("bc")[0];
        Assert.Equal(graph.HeadOf(ab), graph.EdgeAt(bc).From);
    }

    [Fact]
    public void Ends_farther_apart_than_tolerance_stay_separate()
    {
        var bShifted = new GeoPoint(B.Lat + 0.00005, B.Lng); // ~5.6 m
        var graph = RoadGraphBuilder.Build([
            TestGraphs.Road("ab", "Kim Ma", A, B, 1040, 40),
            TestGraphs.Road("bc", "Lieu Giai", bShifted, C, 1110, 40),
        ]);

        Assert.Equal(4, graph.NodeCount);
    }

    [Fact]
    public void Road_through_another_roads_end_is_split_into_edges_in_travel_order()
    {
        // "long" passes through B where "side" ends; it must become two edges A→B and B→C.
        var longRoad = new RoadSegment("long", "Giang Vo", 3, 2000, 40, [A, B, C]);
        var side = TestGraphs.Road("side", "Ngoc Khanh", new GeoPoint(20.99, 105.81), B, 1110, 30);
        var graph = RoadGraphBuilder.Build([longRoad, side]);

        var edges = graph.EdgesOfRoad("long");
        Assert.Equal(2, edges.Length);
        Assert.Equal(A, graph.NodePoint(graph.EdgeAt(edges[0]).From));
        Assert.Equal(B, graph.NodePoint(graph.HeadOf(edges[0])));
        Assert.Equal(C, graph.NodePoint(graph.HeadOf(edges[1])));
        // The stated length is shared in proportion to geometry.
        Assert.Equal(2000, graph.EdgeAt(edges[0]).LengthMeters + graph.EdgeAt(edges[1]).LengthMeters, 2);
        Assert.Equal("Giang Vo", graph.RoadOf(edges[1]).RoadName);
    }

    [Fact]
    public void Intermediate_points_not_shared_stay_as_edge_shape()
    {
        var mid = new GeoPoint(21.0000, 105.8050);
        var graph = RoadGraphBuilder.Build([new RoadSegment("r", "Kim Ma", 2, 1040, 40, [A, mid, B])]);

        Assert.Equal(2, graph.NodeCount);
        var edge = Assert.Single(graph.EdgesOfRoad("r").ToArray());
        Assert.Equal([mid], graph.ShapeOf(edge).ToArray());
    }

    [Fact]
    public void Csr_out_edges_list_exactly_the_edges_leaving_each_node()
    {
        var graph = RoadGraphBuilder.Build(TestGraphs.Random(60, seed: 3));
        var seen = 0;
        for (var v = 0; v < graph.NodeCount; v++)
        {
            var (offset, length) = graph.OutEdges(v).GetOffsetAndLength(graph.EdgeCount);
            for (var e = offset; e < offset + length; e++) Assert.Equal(v, graph.EdgeAt(e).From);
            seen += length;
        }

        Assert.Equal(graph.EdgeCount, seen);
    }

    [Fact]
    public void Missing_free_flow_speed_falls_back_to_the_class_default()
    {
        var graph = RoadGraphBuilder.Build([new RoadSegment("r", "Ngo 1", 5, 100, 0, [A, B])]);

        Assert.Equal(RoadClassDefaults.FreeFlowKmh(5), graph.RoadAt(0).FreeFlowSpeedKmh);
    }
}
