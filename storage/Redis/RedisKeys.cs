namespace TrafficOrleans.Storage.Redis;

/// <summary>
/// The product's Redis key names and time-to-live values, in one place so that writers (grains,
/// routing) and readers (API, dashboard) cannot drift apart.
/// </summary>
public static class RedisKeys
{
    /// <summary>A road's latest reading lives 10 minutes: two missed polls and the map shows it as unknown.</summary>
    public static readonly TimeSpan RoadCurrentTtl = TimeSpan.FromMinutes(10);

    /// <summary>A road's latest prediction lives 30 minutes, its furthest horizon.</summary>
    public static readonly TimeSpan RoadPredictedTtl = TimeSpan.FromMinutes(30);

    /// <summary>Cached route answers live 5 minutes (and are keyed by graph version).</summary>
    public static readonly TimeSpan RouteCacheTtl = TimeSpan.FromMinutes(5);

    /// <summary><c>graph:{city}:current</c> — the city's weighted road graph snapshot, so a restarted silo starts warm.</summary>
    public static string GraphCurrent(string city) => $"graph:{city}:current";

    /// <summary>Sorted set of road ids scored by last reading time, so the map can list roads without SCAN.</summary>
    public const string RoadIndex = "road:index";

    /// <summary><c>road:{road_id}:current</c> — the latest reading as JSON.</summary>
    public static string RoadCurrent(string roadId) => $"road:{roadId}:current";

    /// <summary><c>road:{road_id}:predicted</c> — the latest prediction as JSON.</summary>
    public static string RoadPredicted(string roadId) => $"road:{roadId}:predicted";

    /// <summary><c>route:cache:{origin}:{destination}</c> — origin and destination are snapped node ids plus graph version.</summary>
    public static string RouteCache(string origin, string destination) => $"route:cache:{origin}:{destination}";
}
