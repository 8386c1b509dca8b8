using Orleans.Concurrency;
using TrafficOrleans.GrainInterfaces.Grains;

namespace TrafficOrleans.Grains.Routing;

/// <summary>
/// A read replica for route queries: stateless workers are local to the calling silo and several run at once,
/// so queries proceed in parallel on the silo's immutable weights snapshot instead of queueing in one grain.
/// </summary>
[StatelessWorker]
public sealed class RouteQueryGrain(IRouteQueries queries) : Grain, IRouteQueryGrain
{
    /// <inheritdoc />
    public Task<RouteQueryResult> RecommendAsync(RouteQuery query) => queries.RecommendAsync(query);
}
