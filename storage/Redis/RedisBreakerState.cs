namespace TrafficOrleans.Storage.Redis;

/// <summary>State of the <see cref="RedisCircuitBreaker"/> (the metric exports the numeric value).</summary>
public enum RedisBreakerState
{
    /// <summary>Calls go to Redis.</summary>
    Closed = 0,

    /// <summary>A call failed recently: calls skip Redis until the open period ends.</summary>
    Open = 1,

    /// <summary>The open period ended: one probe call goes to Redis, the others still skip it.</summary>
    HalfOpen = 2,
}
