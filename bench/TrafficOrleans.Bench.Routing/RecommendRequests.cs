using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrafficOrleans.GrainInterfaces.Grains;
using TrafficOrleans.Silo.Routing;
using TrafficOrleans.Routing.Weights;

namespace TrafficOrleans.Bench.Routing;

/// <summary>
/// The full recommend request as the silo runs it (snap both points on the replica, best + 2 alternatives on the
/// time-dependent weights, map to the response shape) without the Redis cache.
/// </summary>
internal static class RecommendRequests
{
    public static RouteQueryHandler Handler(WeightsSnapshot weights, IServiceProvider? services = null)
    {
        services ??= new ServiceCollection().AddMetrics().BuildServiceProvider();
        var replica = new RoutingSnapshotReplica(weights.Network, new FixedClock(weights.Timestamp));
        replica.Install(weights);
        replica.InstallLandmarks(weights);
        return new RouteQueryHandler(replica, cache: null, Options.Create(new RoutingOptions()), new RoutingMetrics(services.GetRequiredService<IMeterFactory>()), new FixedClock(weights.Timestamp));
    }

    public static RouteQuery Query(WeightsSnapshot weights, int source, int target)
    {
        var (a, b) = (weights.Graph.NodePoint(source), weights.Graph.NodePoint(target));
        return new RouteQuery(a.Lat, a.Lng, b.Lat, b.Lng, null);
    }
}
