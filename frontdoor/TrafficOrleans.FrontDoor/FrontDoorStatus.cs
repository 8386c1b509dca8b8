using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace TrafficOrleans.FrontDoor;

/// <summary>What the front door believes about each silo (<c>GET /frontdoor/silos</c>; used by <c>cluster.sh status</c>).</summary>
public static class FrontDoorStatus
{
    /// <summary>One row per silo: address, active and passive health, requests in flight.</summary>
    public static IResult Of(IProxyStateLookup proxy)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        if (!proxy.TryGetCluster(SiloCluster.ClusterId, out var cluster)) return TypedResults.NotFound();
        var rows = cluster.Destinations.Values
            .OrderBy(d => d.DestinationId, StringComparer.Ordinal)
            .Select(d => new SiloState(
                d.DestinationId,
                d.Model.Config.Address,
                d.Health.Active.ToString(),
                d.Health.Passive.ToString(),
                d.ConcurrentRequestCount,
                IsAvailable(d, cluster)))
            .ToList();
        return TypedResults.Ok(rows);
    }

    private static bool IsAvailable(DestinationState destination, ClusterState cluster) =>
        cluster.DestinationsState.AvailableDestinations.Contains(destination);
}
