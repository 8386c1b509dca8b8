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
/// While one round's deliveries are awaited the next is claimed and produced (<see cref="OutboxRelay.StartRoundAsync"/>).
/// On shutdown the rounds in flight are finished — their deliveries awaited and their rows marked sent — rather than
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
    private int _roundsInFlight;

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
        if (Volatile.Read(ref _roundsInFlight) > 0) LogFinishingRound(logger);
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
        PendingRelayRound? pending = null;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (pending is null)
                    {
                        pending = await StartAsync(null);
                        if (pending is not null) continue;
                        _health.Healthy();
                        nextLag = await RefreshLagIfDueAsync(nextLag, stoppingToken);
                        if (time.GetUtcNow() >= nextCleanup)
                        {
                            await relay.DeleteExpiredAsync(stoppingToken);
                            nextCleanup = time.GetUtcNow() + _options.CleanupInterval;
                        }

                        await signal.WaitAsync(_options.IdleDelay, stoppingToken);
                        // Being woken is the point; a recovery seen while healthy has nothing to reset.
                        signal.TakeRecovered();
                        continue;
                    }

                    // The next round is claimed and produced while this one's deliveries are on their way: the relay's
                    // cycle is the longer of claiming and delivering rather than their sum, and rows committed during a
                    // round no longer wait for all of it. At most two rounds are open, finished in the order started.
                    var finishing = pending;
                    pending = relay.MustReconcile || stoppingToken.IsCancellationRequested ? null : await StartAsync(finishing);
                    var round = await FinishAsync(finishing);
                    if (round.Failed > 0)
                    {
                        // The round started meanwhile is delivered and recorded too before backing off.
                        var started = pending;
                        pending = null;
                        if (started is not null) round = Add(round, await FinishAsync(started));
                        failures++;
                        if (await BackOffAsync(failures, $"{round.Failed} of {round.Claimed} deliveries failed", stoppingToken)) failures = 0;
                        continue;
                    }

                    failures = 0;
                    _health.Healthy();
                    nextLag = await RefreshLagIfDueAsync(nextLag, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception ex)
                {
                    // PostgreSQL unreachable and the like: keep the host alive and try again later. A round left open
                    // rolls back, and the next round reads the log back first (its messages may have been delivered).
                    pending = await AbandonAsync(pending);
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
        finally
        {
            // Stopping: the round in flight is finished rather than rolled back (see the remarks).
            if (pending is not null) await FinishOnStopAsync(pending);
        }
    }

    private async Task<DateTimeOffset> RefreshLagIfDueAsync(DateTimeOffset due, CancellationToken stoppingToken)
    {
        if (time.GetUtcNow() < due) return due;
        await relay.RefreshLagAsync(stoppingToken);
        return time.GetUtcNow() + LagRefreshInterval;
    }

    private static RelayRound Add(RelayRound a, RelayRound b) => new(a.Claimed + b.Claimed, a.Published + b.Published, a.Failed + b.Failed);

    private async Task<PendingRelayRound?> StartAsync(PendingRelayRound? inFlight)
    {
        var round = await relay.StartRoundAsync(inFlight, _abandon.Token);
        if (round is not null) Interlocked.Increment(ref _roundsInFlight);
        return round;
    }

    private async Task<RelayRound> FinishAsync(PendingRelayRound round)
    {
        try
        {
            return await relay.FinishRoundAsync(round, _abandon.Token);
        }
        finally
        {
            Interlocked.Decrement(ref _roundsInFlight);
        }
    }

    private async Task<PendingRelayRound?> AbandonAsync(PendingRelayRound? round)
    {
        if (round is null) return null;
        Interlocked.Decrement(ref _roundsInFlight);
        relay.ReconcileBeforeNextRound();
        await round.DisposeAsync();
        return null;
    }

    private async Task FinishOnStopAsync(PendingRelayRound round)
    {
        try
        {
            await FinishAsync(round);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The host's deadline passed or PostgreSQL went away: the claim rolls back and the next relay reads the log back.
            LogRoundFailed(logger, ex, 1);
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
