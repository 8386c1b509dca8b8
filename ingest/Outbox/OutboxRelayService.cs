using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TrafficOrleans.Ingest.Outbox;

/// <summary>
/// Runs the <see cref="OutboxRelay"/> for the life of the host: rounds back to back while rows are waiting,
/// otherwise waits for a local commit (<see cref="OutboxSignal"/>) or <see cref="OutboxOptions.IdleDelay"/>.
/// Failed rounds back off exponentially with jitter; sent rows past the retention are deleted periodically.
/// </summary>
public sealed partial class OutboxRelayService(
    OutboxRelay relay, OutboxSignal signal, IOptions<OutboxOptions> options, TimeProvider time, ILogger<OutboxRelayService> logger) : BackgroundService
{
    private static readonly TimeSpan LagRefreshInterval = TimeSpan.FromSeconds(5);
    private readonly OutboxOptions _options = options.Value;

    /// <summary>The wait after <paramref name="consecutiveFailures"/> failed rounds: doubling, capped, ±20 % jitter.</summary>
    public static TimeSpan Backoff(int consecutiveFailures, TimeSpan initial, TimeSpan max)
    {
        var exponent = Math.Min(Math.Max(consecutiveFailures - 1, 0), 20);
        var ticks = Math.Min(max.Ticks, initial.Ticks * (1L << exponent));
        return TimeSpan.FromTicks((long)(ticks * (0.8 + (0.4 * Random.Shared.NextDouble()))));
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarted(logger, relay.Destination, _options.BatchSize);
        var failures = 0;
        var nextCleanup = time.GetUtcNow();
        var nextLag = nextCleanup;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var round = await relay.RelayOnceAsync(stoppingToken);
                if (round.Failed > 0)
                {
                    failures++;
                    await Task.Delay(Backoff(failures, _options.InitialBackoff, _options.MaxBackoff), time, stoppingToken);
                    continue;
                }

                failures = 0;
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
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // PostgreSQL unreachable and the like: keep the host alive and try again later.
                failures++;
                var wait = Backoff(failures, _options.InitialBackoff, _options.MaxBackoff);
                LogRoundFailed(logger, ex, failures, wait);
                try
                {
                    await Task.Delay(wait, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox relay started: {Destination}, batch {BatchSize}")]
    private static partial void LogStarted(ILogger logger, string destination, int batchSize);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox relay round failed ({Failures} in a row), retrying in {Wait}")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception, int failures, TimeSpan wait);
}
