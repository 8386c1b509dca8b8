using TrafficOrleans.GrainInterfaces.Grains;

namespace TrafficOrleans.Api.Routing;

/// <summary>Answer of <c>POST /route/recommend</c>.</summary>
/// <param name="RecommendedRoute">The fastest route on the predicted speeds.</param>
/// <param name="Alternatives">Up to two genuinely different routes (fewer when the map has none).</param>
/// <param name="GraphVersion">Version of the weights the routes were computed on.</param>
public sealed record RouteRecommendResponse(RouteOption RecommendedRoute, IReadOnlyList<RouteOption> Alternatives, string GraphVersion);
