using TrafficOrleans.GrainInterfaces.Messages.Validation;
using TrafficOrleans.Routing.Sources;

namespace TrafficOrleans.Silo.Hosting;

/// <summary>
/// The roads of the silo's map — every segment the simulator or HERE names, including the few too short to become
/// graph edges — as the city's road set for <see cref="UnknownRoadPolicy.Reject"/>.
/// </summary>
public sealed class RoutingKnownRoads(RoadMapSelection map) : IKnownRoads
{
    private readonly HashSet<string> _roads = RoadMapLoader.Load(map).Select(segment => segment.RoadId).ToHashSet(StringComparer.Ordinal);

    /// <inheritdoc />
    public bool Contains(string roadId) => _roads.Contains(roadId);
}
