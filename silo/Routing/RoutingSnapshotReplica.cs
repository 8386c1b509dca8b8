using TrafficOrleans.Routing;
using TrafficOrleans.Routing.Weights;
using Microsoft.Extensions.DependencyInjection;
using TrafficOrleans.GrainInterfaces.Time;

namespace TrafficOrleans.Silo.Routing;

/// <summary>
/// This silo's copy of the routing grain's weights, read by route queries without locks: one immutable snapshot
/// behind a reference swapped atomically. New weights keep the landmarks this silo refreshed last, and refreshed
/// landmarks are moved onto whatever weights are current when they are ready.
/// </summary>
public sealed class RoutingSnapshotReplica(RoutingNetwork network, [FromKeyedServices(TrafficClock.Key)] TimeProvider clock)
{
    private WeightsSnapshot _current = WeightsSnapshot.FreeFlow(network, clock.GetUtcNow());

    private volatile bool _received;

    /// <summary>The weights queries should use now.</summary>
    public WeightsSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Whether <see cref="Current"/> came from the routing grain (false: still the free-flow start).</summary>
    public bool HasReceivedWeights => _received;

    /// <summary>Installs weights received from the routing grain.</summary>
    public void Install(WeightsSnapshot weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        Swap(current => weights.WithLandmarksOf(current));
        _received = true;
    }

    /// <summary>Moves freshly computed landmarks onto the current weights (which may have moved on meanwhile).</summary>
    public void InstallLandmarks(WeightsSnapshot refreshed)
    {
        ArgumentNullException.ThrowIfNull(refreshed);
        Swap(current => current.WithLandmarksOf(refreshed));
    }

    private void Swap(Func<WeightsSnapshot, WeightsSnapshot> next)
    {
        while (true)
        {
            var current = Volatile.Read(ref _current);
            if (ReferenceEquals(Interlocked.CompareExchange(ref _current, next(current), current), current)) return;
        }
    }
}
