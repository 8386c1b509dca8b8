using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TrafficOrleans.Ingest.DualWrite;
using TrafficOrleans.Ingest.Preprocessing;

namespace TrafficOrleans.Ingest.Scheduling;

/// <summary>One ingestion tick: poll the source, dual-write the batch, record metrics. Shared by the scheduler and the CLI.</summary>
public sealed partial class IngestionRunner(ITrafficSource source, TrafficBatchWriter writer, IngestMetrics metrics, ILogger<IngestionRunner> logger)
{
    /// <summary>The source polled.</summary>
    public ITrafficSource Source => source;

    /// <summary>Polls <paramref name="tick"/> and writes the batch; failures are counted, logged and rethrown.</summary>
    public async Task<BatchWriteResult> RunOnceAsync(DateTimeOffset tick, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var batch = NeighbourRatios.Annotate(await source.PollAsync(tick, cancellationToken), source.Adjacency);
            var result = await writer.WriteAsync(batch, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);
            metrics.Polled(source.Name, batch.Readings.Count, elapsed);
            LogPolled(logger, source.Name, tick, batch.Readings.Count, result.Inserted, result.Duplicates, batch.Rejected.Count, elapsed.TotalMilliseconds);
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            metrics.PollFailed(source.Name);
            LogPollFailed(logger, ex, source.Name, tick);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Polled {Source} at {Tick:O}: {Readings} readings ({Inserted} new, {Duplicates} already stored), {Rejected} rejected, in {ElapsedMs:F0} ms")]
    private static partial void LogPolled(ILogger logger, string source, DateTimeOffset tick, int readings, int inserted, int duplicates, int rejected, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Poll of {Source} at {Tick:O} failed")]
    private static partial void LogPollFailed(ILogger logger, Exception exception, string source, DateTimeOffset tick);
}
