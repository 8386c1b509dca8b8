using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using TrafficOrleans.Kafka.Health;

namespace TrafficOrleans.Outbox;

/// <summary>
/// Keeps one connection <c>LISTEN</c>ing on <see cref="Channel"/>, which the outbox trigger (migration 0009) notifies
/// when any process commits outbox rows, and wakes the relay (<see cref="OutboxSignal.Notify"/>). The connection is
/// also the relay's sensor for PostgreSQL: when it is lost, it is re-opened every
/// <see cref="OutboxOptions.ListenerProbeInterval"/>, and the moment it is back the relay is told to drop its backoff
/// (<see cref="OutboxSignal.Recovered"/>) instead of sleeping out up to <see cref="OutboxOptions.MaxBackoff"/>.
/// </summary>
public sealed partial class OutboxListener(
    NpgsqlDataSource dataSource,
    OutboxSignal signal,
    PipelineHealth health,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxListener> logger) : BackgroundService
{
    /// <summary>The notification channel of outbox commits.</summary>
    public const string Channel = "outbox_rows";

    /// <summary>Name of this component in the readiness report.</summary>
    public const string HealthComponent = "outbox-listener";

    // A silently dropped TCP connection (no RST) would leave WaitAsync waiting forever: probe it now and then.
    private static readonly TimeSpan QuietProbe = TimeSpan.FromSeconds(15);

    private readonly ComponentHealth _health = health.For(HealthComponent);
    private readonly TimeSpan _probeInterval = options.Value.ListenerProbeInterval;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lostSince = (DateTimeOffset?)null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => signal.Notify();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                if (lostSince is { } since)
                {
                    // Pooled connections opened before the outage were closed by the server: drop them, or the
                    // relay's first round would fail on one and back off again.
                    dataSource.Clear();
                    LogReconnected(logger, time.GetUtcNow() - since);
                    lostSince = null;
                }

                _health.Healthy();
                // Rows committed while nobody listened are waiting, and a relay backing off should stop waiting.
                signal.Recovered();
                await ListenAsync(connection, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                if (lostSince is null)
                {
                    lostSince = time.GetUtcNow();
                    LogLost(logger, ex, _probeInterval);
                }

                _health.Degraded($"PostgreSQL notifications lost since {lostSince:O} ({ex.Message}); reconnecting every {_probeInterval}");
                try
                {
                    await Task.Delay(_probeInterval, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    private static async Task ListenAsync(NpgsqlConnection connection, CancellationToken stoppingToken)
    {
        while (true)
        {
            if (await connection.WaitAsync(QuietProbe, stoppingToken)) continue;
            await using var probe = new NpgsqlCommand("SELECT 1", connection);
            await probe.ExecuteScalarAsync(stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox listener lost PostgreSQL; reconnecting every {ProbeInterval}")]
    private static partial void LogLost(ILogger logger, Exception exception, TimeSpan probeInterval);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox listener reconnected to PostgreSQL after {Outage}; waking the relay")]
    private static partial void LogReconnected(ILogger logger, TimeSpan outage);
}
