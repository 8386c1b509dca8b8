using TrafficOrleans.GrainInterfaces.Grains;

namespace TrafficOrleans.Grains.Routing;

/// <summary>
/// The port through which the routing grain announces each new graph version (Kafka <c>route-updates</c> in a silo).
/// Fire-and-forget: it returns without waiting for the broker and never throws; failures are logged and counted by
/// the implementation (<see cref="RoutingMetrics.SideEffectFailed"/>), and the next batch announces a newer version.
/// </summary>
public interface IRouteUpdates
{
    /// <summary>Announces <paramref name="update"/>.</summary>
    void Announce(RouteGraphUpdated update);
}
