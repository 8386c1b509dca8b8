using TrafficOrleans.GrainInterfaces.Grains;

namespace TrafficOrleans.Grains.Routing;

/// <summary>Answers a route query on this silo's replica of the live weights (what a route-query grain delegates to).</summary>
public interface IRouteQueries
{
    /// <summary>The best route and alternatives, or the reason there is none.</summary>
    Task<RouteQueryResult> RecommendAsync(RouteQuery query);
}
