using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrafficOrleans.Kafka.Health;

namespace TrafficOrleans.Outbox;

/// <summary>
/// Runs the <see cref="OutboxRelay"/> for the life of the host: rounds back to back while rows are waiting,
/// otherwise waits for a commit (<see cref="OutboxSignal"/>, fed locally and by <see cref="OutboxListener"/>) or
/// <see cref="OutboxOptions.IdleDelay"/>. Failed rounds back off exponentially with jitter until PostgreSQL is
/// seen coming back (<see cref="OutboxSignal.Recovered"/>), and report the relay degraded meanwhile. Sent rows
/// past the retention are deleted periodically.
/// </summary>
/// <remarks>
/// On shutdown the round in flight is finished — its deliveries awaited and its rows marked sent — rather than
/// cancelled, since a cancelled round rolls back and publishes the same rows again after the restart. Only the
/// host's own deadline (<c>HostOptions.ShutdownTimeout</c>) abandons it. No new round starts once stopping.
/// </remarks>
public sealed partial class OutboxRelayService(
    OutboxRelay relay, OutboxSignal signal, PipelineHealth health, IOptions<OutboxOptions> options, TimeProvider time, ILogger<OutboxRelayService> logger)
    : BackgroundService
{
    /// <summary>Name of this component in the readiness report.</summary>
    public const string HealthComponent = "outbox-relay";

    private static readonly TimeSpan LagRefreshInterval = TimeSpan.FromSeconds(5);
    private readonly OutboxOptions _options = options.Value;
    private readonly ComponentHealth _health = health.For(HealthComponent);
    private readonly CancellationTokenSource _abandon = new();
    private int _roundInFlight;

    /// <summary>The wait after <paramref name="consecutiveFailures"/> failed rounds: doubling, capped, ±20 % jitter.</summary>
    public static TimeSpan Backoff(int consecutiveFailures, TimeSpan initial, TimeSpan max)
    {
        var exponent = Math.Min(Math.Max(consecutiveFailures - 1, 0), 20);
        var ticks = Math.Min(max.Ticks, initial.Ticks * (1L << exponent));
        return TimeSpan.FromTicks((long)(ticks * (0.8 + (0.4 * Random.Shared.NextDouble()))));
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // cancellationToken fires when the host's shutdown deadline has passed: only then give up the round in flight.
        await using var deadline = cancellationToken.Register(_abandon.Cancel);
        if (Volatile.Read(ref _roundInFlight) == 1) LogFinishingRound(logger);
        await base.StopAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _abandon.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarted(logger, relay.Destination, _options.BatchSize);
        // Started means this host just became the relay (lease won): another may have stopped mid-round before it.
        relay.ReconcileBeforeNextRound();
        var failures = 0;
        var nextCleanup = time.GetUtcNow();
        var nextLag = nextCleanup;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var round = await RoundAsync();
                if (round.Failed > 0)
                {
                    failures++;
                    if (await BackOffAsync(failures, $"{round.Failed} of {round.Claimed} deliveries failed", stoppingToken)) failures = 0;
                    continue;
                }

                failures = 0;
                _health.Healthy();
                var now = time.GetUtcNow();
                if (now >= nextLag)
                {
                    await relay.RefreshLagAsync(stoppingToken);
                    nextLag = now + LagRefreshInterval;
                }

                // A full batch means more rows are probably waiting: go again without sleeping.
                if (round.Claimed >= _options.BatchSize) continue;

                if (now >= nextCleanup)
                {
                    await relay.DeleteExpiredAsync(stoppingToken);
                    nextCleanup = now + _options.CleanupInterval;
                }

                await signal.WaitAsync(_options.IdleDelay, stoppingToken);
                // Being woken is the point; a recovery seen while healthy has nothing to reset.
                signal.TakeRecovered();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // PostgreSQL unreachable and the like: keep the host alive and try again later.
                failures++;
                LogRoundFailed(logger, ex, failures);
                try
                {
                    if (await BackOffAsync(failures, ex.Message, stoppingToken)) failures = 0;
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    private async Task<RelayRound> RoundAsync()
    {
        Volatile.Write(ref _roundInFlight, 1);
        try
        {
            return await relay.RelayOnceAsync(_abandon.Token);
        }
        finally
        {
            Volatile.Write(ref _roundInFlight, 0);
        }
    }

    // Sleeps out the backoff unless the listener sees PostgreSQL come back; commits alone do not end it (while
    // Kafka is down they would turn the backoff into a retry per commit). True when cut short by a recovery.
    private async Task<bool> BackOffAsync(int failures, string reason, CancellationToken stoppingToken)
    {
        var wait = Backoff(failures, _options.InitialBackoff, _options.MaxBackoff);
        _health.Degraded($"{failures} failed round(s) in a row, retrying within {wait:g}: {reason}");
        LogBackingOff(logger, failures, wait);
        var until = time.GetUtcNow() + wait;
        for (var left = wait; left > TimeSpan.Zero; left = until - time.GetUtcNow())
        {
            await signal.WaitAsync(left, stoppingToken);
            if (signal.TakeRecovered())
            {
                LogBackoffCut(logger);
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox relay started: {Destination}, batch {BatchSize}")]
    private static partial void LogStarted(ILogger logger, string destination, int batchSize);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay round failed ({Failures} in a row)")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception, int failures);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox relay backing off after {Failures} failed round(s): next try within {Wait}")]
    private static partial void LogBackingOff(ILogger logger, int failures, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL is back: outbox relay resumes now instead of finishing its backoff")]
    private static partial void LogBackoffCut(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: the outbox relay finishes and marks its in-flight batch first")]
    private static partial void LogFinishingRound(ILogger logger);
}
