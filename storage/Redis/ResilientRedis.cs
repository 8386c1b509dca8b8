using StackExchange.Redis;

namespace TrafficOrleans.Storage.Redis;

/// <summary>
/// Redis as a cache, not a dependency: every product call goes through the shared <see cref="RedisCircuitBreaker"/>,
/// and a failure, a timeout or an open circuit is an empty answer (null / false), never an exception. This is the only
/// place that catches StackExchange.Redis exception types, so callers (grains, API) need no Redis client reference.
/// </summary>
public sealed class ResilientRedis(IConnectionMultiplexer redis, RedisCircuitBreaker breaker)
{
    /// <summary>The circuit the calls go through.</summary>
    public RedisCircuitBreaker Breaker => breaker;

    /// <summary>Runs a read; null when Redis is skipped or fails (callers treat that as a miss).</summary>
    /// <param name="operation">Short name for metrics and logs (e.g. <c>road-current-get</c>).</param>
    /// <param name="read">The commands; may return null for a genuine miss.</param>
    public async Task<T?> ReadAsync<T>(string operation, Func<IDatabase, Task<T?>> read)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        if (!breaker.TryEnter(operation)) return null;
        try
        {
            var value = await read(redis.GetDatabase());
            breaker.Succeeded();
            return value;
        }
        catch (Exception ex) when (IsRedisFailure(ex))
        {
            breaker.Failed(operation, ex);
            return null;
        }
        catch
        {
            // Redis answered; what went wrong is the caller's (e.g. a value it cannot decode), so the circuit stays as is.
            breaker.Succeeded();
            throw;
        }
    }

    /// <summary>Runs a write; false when Redis is skipped or fails.</summary>
    public async Task<bool> WriteAsync(string operation, Func<IDatabase, Task> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var written = await ReadAsync<object>(operation, async database =>
        {
            await write(database);
            return true;
        });
        return written is not null;
    }

    /// <summary>The bytes at <paramref name="key"/>, or null (missing key, Redis skipped or failed).</summary>
    public Task<byte[]?> GetBytesAsync(string operation, string key) =>
        ReadAsync(operation, async database => (byte[]?)await database.StringGetAsync(key));

    /// <summary>Stores bytes at <paramref name="key"/> (with a time to live when given); false when Redis is skipped or failed.</summary>
    public Task<bool> SetBytesAsync(string operation, string key, byte[] value, TimeSpan? timeToLive = null) =>
        WriteAsync(operation, database => database.StringSetAsync(key, value, timeToLive, When.Always));

    // RedisTimeoutException is a TimeoutException, not a RedisException; ObjectDisposedException covers a multiplexer
    // being torn down while the host stops.
    private static bool IsRedisFailure(Exception ex) => ex is RedisException or TimeoutException or ObjectDisposedException;
}
