using TrafficOrleans.GrainInterfaces.Grains;
using TrafficOrleans.Silo.Routing;

namespace TrafficOrleans.Bench.Routing;

/// <summary>One activation answering every query in turn (the baseline of the replica comparison).</summary>
public sealed class SingleRouteGrain(RouteQueryHandler handler) : Grain, ISingleRouteGrain
{
    public Task<RouteQueryResult> RecommendAsync(RouteQuery query) => handler.RecommendAsync(query);
}
