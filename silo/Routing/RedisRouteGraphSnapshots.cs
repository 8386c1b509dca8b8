using TrafficOrleans.Grains.Routing;
using TrafficOrleans.Storage.Redis;

namespace TrafficOrleans.Silo.Routing;

/// <summary>
/// The routing grain's snapshot in Redis <c>graph:{city}:current</c>, through <see cref="ResilientRedis"/>: Redis
/// trouble or an open circuit is a miss or a failed save (counted as a routing side-effect failure), never an exception.
/// </summary>
public sealed partial class RedisRouteGraphSnapshots(ResilientRedis redis, RoutingMetrics metrics, ILogger<RedisRouteGraphSnapshots> logger) : IRouteGraphSnapshots
{
    /// <inheritdoc />
    public Task<byte[]?> LoadAsync(string city) => redis.GetBytesAsync("graph-load", RedisKeys.GraphCurrent(city));

    /// <inheritdoc />
    public async Task<bool> SaveAsync(string city, string graphVersion, byte[] snapshot)
    {
        if (await redis.SetBytesAsync("graph-save", RedisKeys.GraphCurrent(city), snapshot)) return true;
        metrics.SideEffectFailed("snapshot-save");
        LogSaveFailed(logger, graphVersion);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Routing weights {Version} could not be saved to Redis (unavailable or circuit open)")]
    private static partial void LogSaveFailed(ILogger logger, string version);
}
