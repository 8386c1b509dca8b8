using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using TrafficOrleans.GrainInterfaces.Grains;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.Storage.Redis;

namespace TrafficOrleans.Storage.Redis;

/// <summary>
/// Redis <c>route:cache:{origin}:{destination}</c> for 5 minutes. Origin and destination are the snapped node ids;
/// the destination part also carries the graph version and the departure, so a new graph version (or another
/// departure) can never be served a stale route. Redis trouble is a cache miss, never a failed query: calls go through
/// <see cref="ResilientRedis"/>, so while its circuit is open the route is computed without waiting on Redis.
/// </summary>
public sealed partial class RouteCache(ResilientRedis redis, ILogger<RouteCache> logger)
{
    /// <summary>The cache key of a query on snapped nodes.</summary>
    /// <param name="originNode">Snapped origin node.</param>
    /// <param name="destinationNode">Snapped destination node.</param>
    /// <param name="graphVersion">Version of the weights.</param>
    /// <param name="departure">UTC minute of a future departure, or null for now.</param>
    public static string Key(int originNode, int destinationNode, string graphVersion, DateTimeOffset? departure) =>
        RedisKeys.RouteCache(
            originNode.ToString(CultureInfo.InvariantCulture),
            $"{destinationNode.ToString(CultureInfo.InvariantCulture)}:{graphVersion}:{(departure is { } d ? d.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture) : "now")}");

    /// <summary>A cached answer, or null.</summary>
    public async Task<RouteQueryResult?> GetAsync(string key)
    {
        var value = await redis.GetBytesAsync("route-cache-get", key);
        if (value is null) return null;
        try
        {
            return JsonSerializer.Deserialize<RouteQueryResult>(value, TrafficJson.Options);
        }
        catch (JsonException ex)
        {
            LogUnreadable(logger, key, ex);
            return null;
        }
    }

    /// <summary>Stores an answer for <see cref="RedisKeys.RouteCacheTtl"/>.</summary>
    public Task SetAsync(string key, RouteQueryResult result) =>
        redis.SetBytesAsync("route-cache-set", key, JsonSerializer.SerializeToUtf8Bytes(result, TrafficJson.Options), RedisKeys.RouteCacheTtl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Route cache {Key} holds an unreadable answer; computing the route")]
    private static partial void LogUnreadable(ILogger logger, string key, Exception exception);
}
