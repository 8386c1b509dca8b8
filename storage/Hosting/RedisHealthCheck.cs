using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace TrafficOrleans.Storage.Hosting;

/// <summary>
/// Healthy when Redis answers PING; degraded (still ready) when it does not, because Redis only holds copies: reads
/// fall back to PostgreSQL and routes are computed without the cache.
/// </summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"PING {latency.TotalMilliseconds:F1} ms");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded("Redis is not reachable; serving from PostgreSQL and without the route cache", ex);
        }
    }
}
