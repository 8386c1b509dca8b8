using TrafficOrleans.Roads;
using TrafficOrleans.Roads.Synthetic;

namespace TrafficOrleans.Ingest.Tests;

public class RoadsTests
{
    [Fact]
    public void Synthetic_city_is_a_labelled_two_way_grid_at_Hanoi_with_stable_ids()
    {
        var roads = SyntheticCity.Generate(new SyntheticCityOptions { GridSize = 9 });

        Assert.Equal(4 * 9 * 8, roads.Count);
        Assert.Equal(roads.Count, roads.Select(r => r.RoadId).Distinct().Count());
        Assert.Equal(roads.Select(r => r.RoadId), SyntheticCity.Generate(new SyntheticCityOptions { GridSize = 9 }).Select(r => r.RoadId));
        Assert.All(roads, r => Assert.StartsWith("Synthetic ", r.RoadName, StringComparison.Ordinal));
        Assert.All(roads, r => Assert.StartsWith(SyntheticCity.RoadIdPrefix, r.RoadId, StringComparison.Ordinal));
        Assert.All(roads, r => Assert.InRange(r.Start.Lat, 20.99, 21.07));
        Assert.All(roads, r => Assert.InRange(r.LengthMeters, 590, 610));
        Assert.Contains(roads, r => r.FunctionalClass == 1 && r.RoadName.StartsWith("Synthetic Ring Road", StringComparison.Ordinal));
        Assert.Contains(roads, r => r.FunctionalClass == 2);
        Assert.Contains(roads, r => r.FunctionalClass == 4);
    }

    [Fact]
    public void Feeders_share_the_start_point_and_exclude_the_u_turn()
    {
        var a = Segment("a", (0, 0), (0, 1));
        var b = Segment("b", (0, 1), (0, 2));
        var bReverse = Segment("b_rev", (0, 2), (0, 1));
        var aReverse = Segment("a_rev", (0, 1), (0, 0));
        var c = Segment("c", (1, 1), (0, 1));

        var adjacency = RoadAdjacency.FromSegments([a, b, bReverse, aReverse, c]);

        Assert.Equal(["a", "c"], adjacency.FeedersOf("b").Order());
        Assert.Equal(["b_rev", "c"], adjacency.FeedersOf("a_rev").Order());
        Assert.Equal(["b"], adjacency.SuccessorsOf("a"));
        Assert.Empty(adjacency.FeedersOf("unknown"));
    }

    [Fact]
    public void Inner_grid_roads_have_three_feeders()
    {
        var roads = SyntheticCity.Generate(new SyntheticCityOptions { GridSize = 5 });
        var adjacency = RoadAdjacency.FromSegments(roads);
        var center = new GeoPoint(21.0285, 105.8542);

        // A road leaving the centre intersection is fed by the other three roads arriving there.
        var leaving = roads.First(r => r.Start.DistanceMetersTo(center) < 1);
        Assert.Equal(3, adjacency.FeedersOf(leaving.RoadId).Count);
    }

    private static RoadSegment Segment(string id, (double Lat, double Lng) from, (double Lat, double Lng) to) =>
        new(id, id, 3, 100, 40, [new GeoPoint(from.Lat, from.Lng), new GeoPoint(to.Lat, to.Lng)]);
}
