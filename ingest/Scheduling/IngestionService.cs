using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrafficOrleans.Ingest.Time;

namespace TrafficOrleans.Ingest.Scheduling;

/// <summary>
/// Polls the source every <see cref="IngestOptions.Interval"/>, on ticks aligned to the source's clock
/// (…:00, :05, :10 for 5 minutes), starting with the current tick. Polls run one at a time: when a poll
/// outlasts one or more ticks, those ticks are skipped (and counted) rather than run late or concurrently.
/// A failed poll is counted and logged; the next tick tries again.
/// </summary>
public sealed partial class IngestionService(IngestionRunner runner, IOptions<IngestOptions> options, IngestMetrics metrics, ILogger<IngestionService> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => RunAsync(until: null, stoppingToken);

    /// <summary>Runs the schedule until cancelled or, when <paramref name="until"/> is given, until the next tick is at or after it.</summary>
    public async Task RunAsync(DateTimeOffset? until, CancellationToken cancellationToken)
    {
        var source = runner.Source;
        var clock = source.Clock;
        var interval = options.Value.Interval;
        var tick = Ticks.Floor(clock.GetUtcNow(), interval);
        LogStarted(logger, source.Name, interval, tick);
        while (!cancellationToken.IsCancellationRequested && (until is null || tick < until))
        {
            try
            {
                var wait = tick - clock.GetUtcNow();
                if (wait > TimeSpan.Zero) await Task.Delay(wait, clock, cancellationToken);
                await runner.RunOnceAsync(tick, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // Top-level schedule: the runner has counted, logged and rethrown the failure; the next tick must still run.
            catch (Exception)
#pragma warning restore CA1031
            {
                // Counted and logged by the runner; the schedule goes on.
            }

            tick = NextTick(tick, clock.GetUtcNow(), interval, source.Name);
        }
    }

    private DateTimeOffset NextTick(DateTimeOffset polled, DateTimeOffset now, TimeSpan interval, string source)
    {
        var next = polled + interval;
        if (now < next) return next;

        // The poll ran past one or more ticks: skip them and wait for the next one still ahead.
        var following = Ticks.Next(now, interval);
        var skipped = (following - next).Ticks / interval.Ticks;
        metrics.TicksSkipped(source, skipped);
        LogSkipped(logger, source, skipped, polled, following);
        return following;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ingestion of {Source} scheduled every {Interval}, first tick {Tick:O}")]
    private static partial void LogStarted(ILogger logger, string source, TimeSpan interval, DateTimeOffset tick);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poll of {Source} at {Polled:O} outlasted the interval: skipped {Skipped} tick(s), next at {Next:O}")]
    private static partial void LogSkipped(ILogger logger, string source, long skipped, DateTimeOffset polled, DateTimeOffset next);
}
