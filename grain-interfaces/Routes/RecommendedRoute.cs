using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.GrainInterfaces.Routes;

/// <summary>A route just recommended to someone: what an alert needs to tell them their route is affected.</summary>
/// <param name="RouteId">Stable id of the recommendation (same snapped query and graph version, same id).</param>
/// <param name="Origin">Where the route starts.</param>
/// <param name="Destination">Where it ends.</param>
/// <param name="RoadIds">The roads the route travels.</param>
public sealed record RecommendedRoute(string RouteId, Coordinates Origin, Coordinates Destination, IReadOnlyList<string> RoadIds);
