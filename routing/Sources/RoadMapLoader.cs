using TrafficOrleans.Roads;
using TrafficOrleans.Roads.Here;
using TrafficOrleans.Roads.Synthetic;
using TrafficOrleans.Routing.Graph;
using TrafficOrleans.Routing.Osm;

namespace TrafficOrleans.Routing.Sources;

/// <summary>
/// Chooses and reads the map of the routing graph. Without an explicit <c>Routing:MapSource</c> the graph is
/// the road set the simulator produces traffic for (its HERE file, else its synthetic city), so predictions
/// always name roads the graph knows.
/// </summary>
public static class RoadMapLoader
{
    /// <summary>Resolves the configured source against the simulator's road set.</summary>
    /// <param name="options">The <c>Routing</c> settings.</param>
    /// <param name="simulatorRoadNetworkPath"><c>Ingest:Simulator:RoadNetworkPath</c>.</param>
    /// <param name="simulatorCity"><c>Ingest:Simulator:City</c>.</param>
    public static RoadMapSelection Select(RoutingMapOptions options, string? simulatorRoadNetworkPath, SyntheticCityOptions? simulatorCity)
    {
        ArgumentNullException.ThrowIfNull(options);
        var city = simulatorCity ?? new SyntheticCityOptions();
        var source = options.MapSource ?? (string.IsNullOrWhiteSpace(simulatorRoadNetworkPath) ? MapSource.Synthetic : MapSource.Here);
        var path = string.IsNullOrWhiteSpace(options.MapPath)
            ? (source == MapSource.Here ? simulatorRoadNetworkPath : null)
            : options.MapPath;
        if (source != MapSource.Synthetic && string.IsNullOrWhiteSpace(path))
        {
            throw new InvalidOperationException($"Routing:MapSource is {source.ToString().ToLowerInvariant()} but Routing:MapPath is not set.");
        }

        return new RoadMapSelection(source, source == MapSource.Synthetic ? null : path, city);
    }

    /// <summary>Reads the road segments of a map.</summary>
    public static IReadOnlyList<RoadSegment> Load(RoadMapSelection map)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (map.Path is not null && !File.Exists(map.Path)) throw new FileNotFoundException($"Map file {map.Path} does not exist.", map.Path);
        return map.Source switch
        {
            MapSource.Here => HereRoadNetwork.ToSegments(HereRoadNetwork.ReadResponse(map.Path!)),
            MapSource.Osm => OverpassRoadNetwork.Read(map.Path!),
            MapSource.Synthetic => SyntheticCity.Generate(map.City),
            _ => throw new ArgumentOutOfRangeException(nameof(map), map.Source, "Unknown map source."),
        };
    }

    /// <summary>Reads the map and builds the routing network (graph, spatial index, landmarks).</summary>
    public static RoutingNetwork Build(RoadMapSelection map)
    {
        var segments = Load(map);
        if (segments.Count == 0) throw new InvalidDataException($"The {map} has no roads.");
        return new RoutingNetwork(RoadGraphBuilder.Build(segments));
    }
}
