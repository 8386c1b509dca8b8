using TrafficOrleans.Routing.Graph;
using TrafficOrleans.Routing.Osm;

namespace TrafficOrleans.Routing.Tests;

public class OverpassRoadNetworkTests
{
    // Nodes 1-2-3 along a row, 4 above 2. Ways: 10 two-way 1-2-3 (split at 2 where way 11 joins),
    // 11 oneway=yes 2→4, 12 oneway=-1 drawn 3→4 (so traffic goes 4→3), 13 a footway 1→4 (not drivable).
    private const string Json = """
        {
          "version": 0.6,
          "elements": [
            { "type": "node", "id": 1, "lat": 21.0000, "lon": 105.8000 },
            { "type": "node", "id": 2, "lat": 21.0000, "lon": 105.8010 },
            { "type": "node", "id": 3, "lat": 21.0000, "lon": 105.8020 },
            { "type": "node", "id": 4, "lat": 21.0010, "lon": 105.8010 },
            { "type": "way", "id": 10, "nodes": [1, 2, 3], "tags": { "highway": "primary", "name": "Kim Ma", "maxspeed": "50" } },
            { "type": "way", "id": 11, "nodes": [2, 4], "tags": { "highway": "residential", "name": "Ngo 5", "oneway": "yes" } },
            { "type": "way", "id": 12, "nodes": [3, 4], "tags": { "highway": "tertiary", "name": "Pho Lang", "oneway": "-1", "maxspeed": "20 mph" } },
            { "type": "way", "id": 13, "nodes": [1, 4], "tags": { "highway": "footway", "name": "Walk" } }
          ]
        }
        """;

    [Fact]
    public void Oneway_tags_give_one_direction_and_minus_one_reverses_it()
    {
        var segments = OverpassRoadNetwork.Parse(Json);

        // Kim Ma: 2 pieces × 2 directions; Ngo 5: forward only; Pho Lang: reversed only; footway dropped.
        Assert.Equal(4, segments.Count(s => s.RoadName == "Kim Ma"));
        var ngo = Assert.Single(segments, s => s.RoadName == "Ngo 5");
        Assert.Equal((21.0000, 105.8010), (ngo.Start.Lat, ngo.Start.Lng));
        Assert.Equal((21.0010, 105.8010), (ngo.End.Lat, ngo.End.Lng));
        var lang = Assert.Single(segments, s => s.RoadName == "Pho Lang");
        Assert.Equal((21.0010, 105.8010), (lang.Start.Lat, lang.Start.Lng));
        Assert.Equal((21.0000, 105.8020), (lang.End.Lat, lang.End.Lng));
        Assert.DoesNotContain(segments, s => s.RoadName == "Walk");
    }

    [Fact]
    public void Maxspeed_is_parsed_with_units_and_missing_maxspeed_uses_the_class_default()
    {
        var segments = OverpassRoadNetwork.Parse(Json);

        Assert.All(segments.Where(s => s.RoadName == "Kim Ma"), s => Assert.Equal(50, s.FreeFlowSpeedKmh));
        Assert.Equal(20 * 1.609344, segments.Single(s => s.RoadName == "Pho Lang").FreeFlowSpeedKmh, 9);
        Assert.Equal(OsmHighways.DefaultSpeedKmh("residential"), segments.Single(s => s.RoadName == "Ngo 5").FreeFlowSpeedKmh);
    }

    [Fact]
    public void Graph_from_osm_has_edges_only_in_allowed_directions()
    {
        var graph = RoadGraphBuilder.Build(OverpassRoadNetwork.Parse(Json));

        Assert.Equal(4, graph.NodeCount);
        Assert.Equal(6, graph.EdgeCount);
        Assert.True(HasEdge(graph, (21.0000, 105.8010), (21.0010, 105.8010)));
        Assert.False(HasEdge(graph, (21.0010, 105.8010), (21.0000, 105.8010)));
        Assert.True(HasEdge(graph, (21.0010, 105.8010), (21.0000, 105.8020)));
        Assert.False(HasEdge(graph, (21.0000, 105.8020), (21.0010, 105.8010)));
        Assert.True(HasEdge(graph, (21.0000, 105.8000), (21.0000, 105.8010)));
        Assert.True(HasEdge(graph, (21.0000, 105.8010), (21.0000, 105.8000)));
    }

    [Theory]
    [InlineData("motorway", null, null, true, false)]
    [InlineData("residential", null, "roundabout", true, false)]
    [InlineData("residential", null, null, true, true)]
    [InlineData("motorway", "no", null, true, true)]
    [InlineData("primary", "reverse", null, false, true)]
    [InlineData("primary", "1", null, true, false)]
    public void Implied_and_explicit_oneway_rules(string highway, string? oneway, string? junction, bool forward, bool backward)
    {
        Assert.Equal((forward, backward), OsmHighways.Directions(highway, oneway, junction));
    }

    private static bool HasEdge(RoadGraph graph, (double Lat, double Lng) from, (double Lat, double Lng) to)
    {
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            var a = graph.NodePoint(graph.EdgeAt(e).From);
            var b = graph.NodePoint(graph.HeadOf(e));
            if ((a.Lat, a.Lng) == from && (b.Lat, b.Lng) == to) return true;
        }

        return false;
    }
}
