using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using TrafficOrleans.GrainInterfaces.Grains;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.Storage.Redis;

namespace TrafficOrleans.Grains.Routing;

/// <summary>
/// Redis <c>route:cache:{origin}:{destination}</c> for 5 minutes. Origin and destination are the snapped node ids;
/// the destination part also carries the graph version and the departure, so a new graph version (or another
/// departure) can never be served a stale route. Redis trouble is a cache miss, never a failed query.
/// </summary>
public sealed partial class RouteCache(IConnectionMultiplexer redis, ILogger<RouteCache> logger)
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
        try
        {
            var value = (byte[]?)await redis.GetDatabase().StringGetAsync(key);
            return value is null ? null : JsonSerializer.Deserialize<RouteQueryResult>(value, TrafficJson.Options);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or JsonException)
        {
            LogCacheFailed(logger, key, ex);
            return null;
        }
    }

    /// <summary>Stores an answer for <see cref="RedisKeys.RouteCacheTtl"/>.</summary>
    public async Task SetAsync(string key, RouteQueryResult result)
    {
        try
        {
            await redis.GetDatabase().StringSetAsync(key, JsonSerializer.SerializeToUtf8Bytes(result, TrafficJson.Options), RedisKeys.RouteCacheTtl);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogCacheFailed(logger, key, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Route cache {Key} unavailable; computing the route")]
    private static partial void LogCacheFailed(ILogger logger, string key, Exception exception);
}
