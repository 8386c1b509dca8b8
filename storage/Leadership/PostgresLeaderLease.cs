using Microsoft.Extensions.Logging;
using Npgsql;

namespace TrafficOrleans.Storage.Leadership;

/// <summary>
/// Leadership of one role across the silos of a cluster, held as a PostgreSQL session advisory lock on a
/// connection of its own (not pooled: a pooled connection would keep the lock after it is returned).
/// PostgreSQL frees the lock when that session ends, so a silo killed with -9 (the kernel closes its socket)
/// or cut off from the database loses it without anyone having to expire a lease.
/// </summary>
public sealed partial class PostgresLeaderLease(string connectionString, string name, ILogger<PostgresLeaderLease> logger)
{
    /// <summary>What the lease is for, e.g. <c>traffic-orleans/ingestion</c>.</summary>
    public string Name { get; } = name;

    /// <summary>
    /// Waits until this process holds the lock, trying every <paramref name="retryInterval"/> (a database that does not
    /// answer counts as not acquired). Dispose the returned connection to give the leadership up.
    /// </summary>
    public async Task<NpgsqlConnection> AcquireAsync(TimeSpan retryInterval, CancellationToken cancellationToken)
    {
        var waiting = false;
        while (true)
        {
            var connection = await TryAcquireAsync(cancellationToken);
            if (connection is not null) return connection;
            if (!waiting) LogWaiting(logger, Name);
            waiting = true;
            await Task.Delay(retryInterval, cancellationToken);
        }
    }

    /// <summary>
    /// Returns when the lock's session stops answering within <paramref name="probeInterval"/> (the lock is then
    /// gone, or about to be, and another silo may take it); throws when cancelled.
    /// </summary>
    public async Task WatchAsync(NpgsqlConnection connection, TimeSpan probeInterval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        while (true)
        {
            await Task.Delay(probeInterval, cancellationToken);
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(probeInterval * 3);
                await using var probe = new NpgsqlCommand("SELECT 1", connection);
                await probe.ExecuteScalarAsync(timeout.Token);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is NpgsqlException or OperationCanceledException or InvalidOperationException)
            {
                LogLost(logger, ex, Name);
                return;
            }
        }
    }

    private async Task<NpgsqlConnection?> TryAcquireAsync(CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            Pooling = false,
            // An attempt is named a candidate; only a session holding the lock renames itself leader (below), so
            // cluster.sh status, chaos.sh and the tests, which read pg_stat_activity, never take a standby's
            // attempt in flight for the holder.
            ApplicationName = $"candidate:{Name}:{Environment.ProcessId}",
            KeepAlive = 5,
        };
#pragma warning disable CA2000 // Ownership passes to the caller with the lock; every other path disposes it in finally.
        NpgsqlConnection? connection = new(builder.ConnectionString);
#pragma warning restore CA2000
        try
        {
            await connection.OpenAsync(cancellationToken);
            // hashtextextended gives a stable 64-bit key for the name in every session and PostgreSQL version ≥ 11.
            await using var command = new NpgsqlCommand(
                // CASE, not AND: PostgreSQL does not promise to evaluate AND's operands in order.
                "SELECT CASE WHEN pg_try_advisory_lock(hashtextextended($1, 0)) THEN set_config('application_name', $2, false) IS NOT NULL ELSE false END",
                connection);
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Name });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = $"leader:{Name}:{Environment.ProcessId}" });
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                LogAcquired(logger, Name);
                var held = connection;
                connection = null;
                return held;
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            LogUnavailable(logger, ex, Name);
        }
        finally
        {
            if (connection is not null) await connection.DisposeAsync();
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Leadership of {Lease} acquired: this silo runs it now")]
    private static partial void LogAcquired(ILogger logger, string lease);

    [LoggerMessage(Level = LogLevel.Information, Message = "Leadership of {Lease} is held by another silo; standing by")]
    private static partial void LogWaiting(ILogger logger, string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Leadership of {Lease} lost: its PostgreSQL session stopped answering")]
    private static partial void LogLost(ILogger logger, Exception exception, string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot try for leadership of {Lease}: PostgreSQL unreachable")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string lease);
}
