using TrafficOrleans.GrainInterfaces.Messages.Validation;
using TrafficOrleans.Routing;

namespace TrafficOrleans.Silo.Hosting;

/// <summary>The roads of the silo's routing network: the city's road set for <see cref="UnknownRoadPolicy.Reject"/>.</summary>
public sealed class RoutingKnownRoads(RoutingNetwork network) : IKnownRoads
{
    private readonly HashSet<string> _roads = Enumerable.Range(0, network.Graph.EdgeCount).Select(e => network.Graph.RoadOf(e).RoadId).ToHashSet(StringComparer.Ordinal);

    /// <inheritdoc />
    public bool Contains(string roadId) => _roads.Contains(roadId);
}
