using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Npgsql;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.Storage.Postgres;
using TrafficOrleans.Storage.Redis;
using Microsoft.Extensions.DependencyInjection;
using TrafficOrleans.GrainInterfaces.Time;

namespace TrafficOrleans.Api.Traffic;

/// <summary>
/// Current traffic from the Redis hot keys, else from PostgreSQL: Redis is a cache, so when it is down, its circuit
/// is open or it simply has no entry, the latest <c>traffic_data</c> rows answer instead. Null only when neither
/// store can answer (the endpoint's 503).
/// </summary>
public sealed partial class CurrentTrafficReader(RoadCache cache, LatestReadings database, [FromKeyedServices(TrafficClock.Key)] TimeProvider clock, ILogger<CurrentTrafficReader> logger)
{
    /// <summary>A reading older than this is not current (the Redis keys' time to live).</summary>
    public static readonly TimeSpan MaxAge = RedisKeys.RoadCurrentTtl;

    /// <summary>Latest readings of every road seen within <see cref="MaxAge"/>, newest first, at most <paramref name="limit"/>.</summary>
    public async Task<CurrentTraffic?> AllRoadsAsync(int limit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cached = await cache.GetAllCurrentAsync(MaxAge, limit, now);
        if (cached is { Count: > 0 }) return new CurrentTraffic(cached, CurrentTrafficSource.Redis);

        var stored = await FromDatabaseAsync(() => database.OfAllRoadsAsync(now - MaxAge, limit, cancellationToken));
        if (stored is not null) return new CurrentTraffic(stored, CurrentTrafficSource.Postgres);
        // Redis answered "nothing current" and PostgreSQL is down: that empty answer is still the truth we have.
        return cached is null ? null : new CurrentTraffic(cached, CurrentTrafficSource.Redis);
    }

    /// <summary>The latest reading of one road within <see cref="MaxAge"/> (empty when it has none).</summary>
    public async Task<CurrentTraffic?> OneRoadAsync(string roadId, CancellationToken cancellationToken)
    {
        if (await cache.GetCurrentAsync(roadId) is { } cached) return new CurrentTraffic([cached], CurrentTrafficSource.Redis);

        var stored = await FromDatabaseAsync(async () => await database.OfRoadAsync(roadId, clock.GetUtcNow() - MaxAge, cancellationToken) is { } reading
            ? (IReadOnlyList<TrafficReading>)[reading]
            : []);
        return stored is null ? null : new CurrentTraffic(stored, CurrentTrafficSource.Postgres);
    }

    /// <summary>
    /// The cached predictions of the roads of <paramref name="readings"/>; empty when Redis cannot answer (the readings
    /// are still worth serving without them).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, RoadPrediction>> PredictionsOfAsync(IReadOnlyList<TrafficReading> readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        return await cache.GetPredictedAsync([.. readings.Select(reading => reading.RoadId)])
            ?? new Dictionary<string, RoadPrediction>(StringComparer.Ordinal);
    }

    private async Task<IReadOnlyList<TrafficReading>?> FromDatabaseAsync(Func<Task<IReadOnlyList<TrafficReading>>> query)
    {
        try
        {
            return await query();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or SocketException)
        {
            LogDatabaseUnavailable(logger, ex);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Current traffic could not be read from PostgreSQL either")]
    private static partial void LogDatabaseUnavailable(ILogger logger, Exception exception);
}
