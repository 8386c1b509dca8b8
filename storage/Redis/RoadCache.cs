using System.Text.Json;
using StackExchange.Redis;
using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Storage.Redis;

/// <summary>
/// Hot per-road keys in Redis: the latest reading (<c>road:{id}:current</c>, 10 min) and prediction
/// (<c>road:{id}:predicted</c>, 30 min), plus the road index the live map lists from. Calls go through
/// <see cref="ResilientRedis"/>: when Redis is down, slow or its circuit is open, reads return null and writes
/// false — no Redis exception reaches a grain or an endpoint.
/// </summary>
public sealed class RoadCache(ResilientRedis redis)
{
    /// <summary>
    /// Stores a road's latest reading and prediction and indexes the road, in one round trip. False when Redis did
    /// not take them; PostgreSQL and Kafka already hold the data, so that is not a reason to replay the reading.
    /// </summary>
    public Task<bool> SetCurrentAndPredictedAsync(TrafficReading reading, RoadPrediction prediction)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(prediction);
        return redis.WriteAsync("road-set", async database =>
        {
            var batch = database.CreateBatch();
            var current = batch.StringSetAsync(RedisKeys.RoadCurrent(reading.RoadId), JsonSerializer.SerializeToUtf8Bytes(reading, TrafficJson.Options), RedisKeys.RoadCurrentTtl);
            var index = batch.SortedSetAddAsync(RedisKeys.RoadIndex, reading.RoadId, reading.Timestamp.ToUnixTimeSeconds());
            var predicted = batch.StringSetAsync(RedisKeys.RoadPredicted(prediction.RoadId), JsonSerializer.SerializeToUtf8Bytes(prediction, TrafficJson.Options), RedisKeys.RoadPredictedTtl);
            batch.Execute();
            await Task.WhenAll(current, index, predicted);
        });
    }

    /// <summary>The road's latest reading; null when none arrived within the TTL or Redis cannot answer.</summary>
    public async Task<TrafficReading?> GetCurrentAsync(string roadId)
    {
        var value = await redis.GetBytesAsync("road-current-get", RedisKeys.RoadCurrent(roadId));
        return value is null || value.Length == 0 ? null : JsonSerializer.Deserialize<TrafficReading>(value, TrafficJson.Options);
    }

    /// <summary>
    /// Latest readings of every road seen in the last <paramref name="maxAge"/> (at most <paramref name="limit"/>),
    /// newest first, or null when Redis cannot answer. Roads whose key expired are skipped; the index is trimmed of
    /// entries older than that.
    /// </summary>
    public Task<IReadOnlyList<TrafficReading>?> GetAllCurrentAsync(TimeSpan maxAge, int limit, DateTimeOffset now) =>
        redis.ReadAsync<IReadOnlyList<TrafficReading>>("road-current-list", async database =>
        {
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
        });

    /// <summary>
    /// The cached predictions of <paramref name="roadIds"/> in one round trip (roads without one are absent), or null
    /// when Redis cannot answer.
    /// </summary>
    public Task<IReadOnlyDictionary<string, RoadPrediction>?> GetPredictedAsync(IReadOnlyList<string> roadIds)
    {
        ArgumentNullException.ThrowIfNull(roadIds);
        return redis.ReadAsync<IReadOnlyDictionary<string, RoadPrediction>>("road-predicted-list", async database =>
        {
            var predictions = new Dictionary<string, RoadPrediction>(roadIds.Count, StringComparer.Ordinal);
            if (roadIds.Count == 0) return predictions;
            var values = await database.StringGetAsync([.. roadIds.Select(id => (RedisKey)RedisKeys.RoadPredicted(id))]);
            foreach (var value in values)
            {
                if (!value.IsNullOrEmpty && JsonSerializer.Deserialize<RoadPrediction>((byte[])value!, TrafficJson.Options) is { } prediction)
                {
                    predictions[prediction.RoadId] = prediction;
                }
            }

            return predictions;
        });
    }
}
