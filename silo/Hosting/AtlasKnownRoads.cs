using TrafficOrleans.GrainInterfaces.Messages.Validation;
using TrafficOrleans.Roads;

namespace TrafficOrleans.Silo.Hosting;

/// <summary>
/// The roads of the silo's map — every segment the simulator or HERE names, including the few too short to become
/// graph edges — as the city's road set for <see cref="UnknownRoadPolicy.Reject"/>. Read from the road atlas the silo
/// already holds, rather than loading the map once more.
/// </summary>
public sealed class AtlasKnownRoads(RoadAtlas atlas) : IKnownRoads
{
    /// <inheritdoc />
    public bool Contains(string roadId) => atlas.Find(roadId) is not null;
}
