using TrafficOrleans.Routing.Spatial;

namespace TrafficOrleans.Routing.Routes;

/// <summary>The answer to a route query.</summary>
/// <param name="Status">Found, or which point failed.</param>
/// <param name="Recommended">The fastest route (null unless found).</param>
/// <param name="Alternatives">Up to the requested number of genuinely different routes, fastest first; may be fewer when the map offers none.</param>
/// <param name="GraphVersion">Version of the weights the routes were computed on.</param>
/// <param name="Origin">Where the origin snapped (null when outside the map).</param>
/// <param name="Destination">Where the destination snapped (null when outside the map).</param>
public sealed record RouteRecommendation(
    RouteQueryStatus Status,
    Route? Recommended,
    IReadOnlyList<Route> Alternatives,
    string GraphVersion,
    NodeSnap? Origin,
    NodeSnap? Destination);
