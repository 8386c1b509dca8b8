using TrafficOrleans.GrainInterfaces.Grains;

namespace TrafficOrleans.Bench.Routing;

/// <summary>The design the replicas replace: every query through one non-reentrant grain activation.</summary>
public interface ISingleRouteGrain : IGrainWithIntegerKey
{
    Task<RouteQueryResult> RecommendAsync(RouteQuery query);
}
