using Orleans.Concurrency;
using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.GrainInterfaces.Grains;

/// <summary>
/// The one live road-graph weights holder of the cluster, keyed by the city (<c>Routing:City</c>): applies prediction
/// batches into a new immutable weights snapshot and graph version, publishes <c>route-updates</c> and saves the
/// snapshot to Redis. It answers no route queries itself: every silo keeps a replica of its snapshot.
/// </summary>
public interface IRoutingGrain : IGrainWithStringKey
{
    /// <summary>Applies a batch of predictions (later ones win for a road) and returns the new graph version.</summary>
    Task<RoutingBatchApplied> ApplyPredictionsAsync(IReadOnlyList<RoadPrediction> batch);

    /// <summary>
    /// The current snapshot in its compact binary form, or null when <paramref name="knownVersion"/> is its version.
    /// Any other version is answered (not only older ones): the grain is the source of truth, and a replica's
    /// free-flow start-up version may be later than a snapshot the grain restored from Redis. Interleaves with
    /// batches: it only reads the reference of an immutable snapshot.
    /// </summary>
    [AlwaysInterleave]
    Task<WeightsSnapshotPayload?> GetSnapshotIfChangedAsync(string? knownVersion);
}
