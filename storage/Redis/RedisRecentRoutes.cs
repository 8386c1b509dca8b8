using System.Text.Json;
using StackExchange.Redis;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.GrainInterfaces.Routes;

namespace TrafficOrleans.Storage.Redis;

/// <summary>
/// Recent route recommendations in one Redis sorted set scored by the time they were made, trimmed to
/// <see cref="Retention"/> on every write, so every silo's alerts see every silo's routes. Goes through
/// <see cref="ResilientRedis"/>: with Redis down, nothing is recorded and alerts list no affected routes.
/// </summary>
public sealed class RedisRecentRoutes(ResilientRedis redis, TimeProvider clock) : IRecentRoutes
{
    /// <summary>How long a recommendation counts as recent.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromMinutes(5);

    private static readonly RedisKey Key = "routes:recent";

    /// <inheritdoc />
    public async Task RecordAsync(RecommendedRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var value = JsonSerializer.SerializeToUtf8Bytes(route, TrafficJson.Options);
        await redis.WriteAsync("recent-routes-add", async database =>
        {
            // Same route again moves to the newest score instead of adding a copy.
            await database.SortedSetAddAsync(Key, value, now);
            await database.SortedSetRemoveRangeByScoreAsync(Key, double.NegativeInfinity, now - Retention.TotalMilliseconds, Exclude.Stop);
        });
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<RecommendedRoute>> RecentAsync(CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().ToUnixTimeMilliseconds() - Retention.TotalMilliseconds;
        var values = await redis.ReadAsync<RedisValue[]>("recent-routes-get", database => database.SortedSetRangeByScoreAsync(Key, since)!);
        return values is null ? [] : [.. values.Select(v => JsonSerializer.Deserialize<RecommendedRoute>((byte[])v!, TrafficJson.Options)!)];
    }
}
