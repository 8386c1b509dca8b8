namespace TrafficOrleans.GrainInterfaces.Messages.Validation;

/// <summary>The road ids of the city's road network, for <see cref="UnknownRoadPolicy.Reject"/>.</summary>
public interface IKnownRoads
{
    /// <summary>Whether the road network has this road.</summary>
    bool Contains(string roadId);
}
