namespace TrafficOrleans.Api.Traffic;

/// <summary>Where an answer of <c>/traffic/current</c> came from; sent as header <see cref="HeaderName"/>.</summary>
public static class CurrentTrafficSource
{
    /// <summary>Response header naming the source.</summary>
    public const string HeaderName = "X-Traffic-Source";

    /// <summary>The Redis hot keys.</summary>
    public const string Redis = "redis";

    /// <summary>The latest rows of PostgreSQL <c>traffic_data</c> (Redis down, circuit open, or a miss).</summary>
    public const string Postgres = "postgres";
}
