using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StackExchange.Redis;

namespace TrafficOrleans.Storage.Hosting;

/// <summary>
/// Start-up check that PostgreSQL and Redis answer, so a missing server gives one clear line
/// ("PostgreSQL at localhost:55432 is not reachable — run ./scripts/services.sh up") and not a wall
/// of retries and stack traces from deep inside Orleans.
/// </summary>
public static class InfrastructureCheck
{
    private static readonly TimeSpan RedisStartupWait = TimeSpan.FromSeconds(10);

    /// <summary>Throws <see cref="InfrastructureUnavailableException"/> naming the first server that does not answer.</summary>
    public static async Task EnsureReachableAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var configuration = services.GetRequiredService<IConfiguration>();
        var postgres = StorageConnectionStrings.Postgres(configuration);
        var redis = StorageConnectionStrings.Redis(configuration);

        try
        {
            await using var connection = await services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            throw new InfrastructureUnavailableException(
                $"PostgreSQL at {StorageConnectionStrings.PostgresEndpoint(postgres)} is not reachable ({ex.Message.TrimEnd('.')}) — {StorageConnectionStrings.StartHint}", ex);
        }

        var multiplexer = services.GetRequiredService<IConnectionMultiplexer>();
        try
        {
            await PingRedisAsync(multiplexer, cancellationToken);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            var endpoint = ConfigurationOptions.Parse(redis).EndPoints.FirstOrDefault() switch
            {
                System.Net.DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
                { } other => other.ToString(),
                null => redis,
            };
            throw new InfrastructureUnavailableException(
                $"Redis at {endpoint} is not reachable — {StorageConnectionStrings.StartHint}", ex);
        }
    }

    // The product's Redis timeouts are short and commands fail fast while disconnected (Redis is a cache at run
    // time), so a first connection still in progress on a busy machine must not read as "Redis is down".
    private static async Task PingRedisAsync(IConnectionMultiplexer multiplexer, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + RedisStartupWait;
        while (true)
        {
            try
            {
                await multiplexer.GetDatabase().PingAsync();
                return;
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
        }
    }
}
