using TrafficOrleans.Roads.Synthetic;
using TrafficOrleans.Routing.Sources;

namespace TrafficOrleans.Routing.Tests;

public sealed class RoadMapLoaderTests
{
    [Fact]
    public void Without_a_source_the_graph_is_the_simulators_here_file()
    {
        var map = RoadMapLoader.Select(new RoutingMapOptions(), "/data/hanoi.json", null);

        Assert.Equal(MapSource.Here, map.Source);
        Assert.Equal("/data/hanoi.json", map.Path);
    }

    [Fact]
    public void Without_a_source_or_simulator_file_the_graph_is_the_simulators_synthetic_city()
    {
        var city = new SyntheticCityOptions { GridSize = 5, BlockMeters = 300 };
        var map = RoadMapLoader.Select(new RoutingMapOptions(), " ", city);
        var network = RoadMapLoader.Build(map);

        Assert.Equal(MapSource.Synthetic, map.Source);
        Assert.Null(map.Path);
        Assert.Equal(SyntheticCity.Generate(city).Count, network.Graph.RoadCount);
        Assert.Equal(25, network.RoutableNodeCount);
    }

    [Fact]
    public void Osm_source_needs_a_map_path()
    {
        var error = Assert.Throws<InvalidOperationException>(() => RoadMapLoader.Select(new RoutingMapOptions { MapSource = MapSource.Osm }, "/data/hanoi.json", null));
        Assert.Contains("Routing:MapPath", error.Message);
    }

    [Fact]
    public void Explicit_path_wins_over_the_simulators()
    {
        var map = RoadMapLoader.Select(new RoutingMapOptions { MapSource = MapSource.Osm, MapPath = "/data/hanoi.overpass.json" }, "/data/hanoi.json", null);

        Assert.Equal(new RoadMapSelection(MapSource.Osm, "/data/hanoi.overpass.json", map.City), map);
    }

    [Fact]
    public void Missing_map_file_is_reported_by_name()
    {
        var map = new RoadMapSelection(MapSource.Here, "/nonexistent/map.json", new SyntheticCityOptions());
        var error = Assert.Throws<FileNotFoundException>(() => RoadMapLoader.Load(map));
        Assert.Contains("/nonexistent/map.json", error.Message);
    }
}
