using TrafficOrleans.Grains.Routing;
using TrafficOrleans.Routing;
using TrafficOrleans.Routing.Weights;
using TrafficOrleans.Storage.Redis;

namespace TrafficOrleans.Silo.Routing;

/// <summary>
/// The routing grain's snapshot in Redis <c>graph:{city}:current</c>, through <see cref="ResilientRedis"/>: Redis
/// trouble or an open circuit is a miss or a failed save (counted as a routing side-effect failure), never an exception.
/// </summary>
/// <remarks>
/// When the grain activates on this silo (its old silo died) and Redis cannot answer, or holds older weights than
/// this silo's replica (a save failed while Redis was down), the grain starts from the replica: every silo has been
/// receiving the grain's weights all along. Starting from free flow instead would erase every road's prediction and,
/// at the next save, overwrite the good snapshot in Redis too.
/// </remarks>
public sealed partial class RedisRouteGraphSnapshots(
    ResilientRedis redis, RoutingSnapshotReplica replica, RoutingNetwork network, RoutingMetrics metrics, ILogger<RedisRouteGraphSnapshots> logger)
    : IRouteGraphSnapshots
{
    /// <inheritdoc />
    public async Task<byte[]?> LoadAsync(string city)
    {
        var saved = await redis.GetBytesAsync("graph-load", RedisKeys.GraphCurrent(city));
        if (!replica.HasReceivedWeights) return saved;

        var local = replica.Current;
        if (saved is not null && SavedAt(saved) is { } savedAt && savedAt >= local.Timestamp) return saved;

        LogStartingFromReplica(logger, local.Version, saved is null ? "Redis did not answer or holds none" : "Redis holds older or unreadable weights");
        return WeightsSnapshotSerializer.Serialize(local);
    }

    /// <inheritdoc />
    public async Task<bool> SaveAsync(string city, string graphVersion, byte[] snapshot)
    {
        if (await redis.SetBytesAsync("graph-save", RedisKeys.GraphCurrent(city), snapshot)) return true;
        metrics.SideEffectFailed("snapshot-save");
        LogSaveFailed(logger, graphVersion);
        return false;
    }

    private DateTimeOffset? SavedAt(byte[] saved)
    {
        try
        {
            return WeightsSnapshotSerializer.Deserialize(saved, network).Timestamp;
        }
        catch (InvalidDataException)
        {
            // Another map's or a damaged snapshot: the grain would refuse it too.
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Routing weights {Version} could not be saved to Redis (unavailable or circuit open)")]
    private static partial void LogSaveFailed(ILogger logger, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Routing grain starts from this silo's replica {Version}: {Reason}")]
    private static partial void LogStartingFromReplica(ILogger logger, string version, string reason);
}
