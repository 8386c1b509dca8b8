using System.Text.Json;
using StackExchange.Redis;
using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Storage.Redis;

/// <summary>
/// Hot per-road keys in Redis: the latest reading (<c>road:{id}:current</c>, 10 min) and prediction
/// (<c>road:{id}:predicted</c>, 30 min), plus the road index the live map lists from.
/// </summary>
public sealed class RoadCache(IConnectionMultiplexer redis)
{
    private IDatabase Database => redis.GetDatabase();

    /// <summary>Stores a road's latest reading and prediction and indexes the road, in one round trip.</summary>
    public async Task SetCurrentAndPredictedAsync(TrafficReading reading, RoadPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(prediction);
        var batch = Database.CreateBatch();
        var current = batch.StringSetAsync(RedisKeys.RoadCurrent(reading.RoadId), JsonSerializer.SerializeToUtf8Bytes(reading, TrafficJson.Options), RedisKeys.RoadCurrentTtl);
        var index = batch.SortedSetAddAsync(RedisKeys.RoadIndex, reading.RoadId, reading.Timestamp.ToUnixTimeSeconds());
        var predicted = batch.StringSetAsync(RedisKeys.RoadPredicted(prediction.RoadId), JsonSerializer.SerializeToUtf8Bytes(prediction, TrafficJson.Options), RedisKeys.RoadPredictedTtl);
        batch.Execute();
        await Task.WhenAll(current, index, predicted);
    }

    /// <summary>The road's latest reading, or null when none arrived within the TTL.</summary>
    public async Task<TrafficReading?> GetCurrentAsync(string roadId)
    {
        var value = await Database.StringGetAsync(RedisKeys.RoadCurrent(roadId));
        return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<TrafficReading>((byte[])value!, TrafficJson.Options);
    }

    /// <summary>
    /// Latest readings of every road seen in the last <paramref name="maxAge"/> (at most <paramref name="limit"/>),
    /// newest first. Roads whose key expired are skipped; the index is trimmed of entries older than that.
    /// </summary>
    public async Task<IReadOnlyList<TrafficReading>> GetAllCurrentAsync(TimeSpan maxAge, int limit, DateTimeOffset now)
    {
        var database = Database;
        var oldest = (now - maxAge).ToUnixTimeSeconds();
        await database.SortedSetRemoveRangeByScoreAsync(RedisKeys.RoadIndex, double.NegativeInfinity, oldest, Exclude.Stop);
        var roadIds = await database.SortedSetRangeByScoreAsync(
            RedisKeys.RoadIndex, oldest, double.PositiveInfinity, Exclude.None, Order.Descending, 0, limit);
        if (roadIds.Length == 0) return [];

        var keys = roadIds.Select(id => (RedisKey)RedisKeys.RoadCurrent(id!)).ToArray();
        var values = await database.StringGetAsync(keys);
        var readings = new List<TrafficReading>(values.Length);
        foreach (var value in values)
        {
            if (!value.IsNullOrEmpty && JsonSerializer.Deserialize<TrafficReading>((byte[])value!, TrafficJson.Options) is { } reading)
            {
                readings.Add(reading);
            }
        }

        return readings;
    }
}
