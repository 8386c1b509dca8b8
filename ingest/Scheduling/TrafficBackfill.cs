using TrafficOrleans.Ingest.DualWrite;
using TrafficOrleans.Ingest.Preprocessing;

namespace TrafficOrleans.Ingest.Scheduling;

/// <summary>
/// Writes a range of ticks as fast as the source and PostgreSQL allow, through the same dual write as live
/// polls (so the history and the outbox look exactly as if the ticks had been polled). Several ticks share
/// one transaction to save round trips; each transaction is still all-or-nothing and re-running is idempotent.
/// </summary>
public sealed class TrafficBackfill(ITrafficSource source, TrafficBatchWriter writer)
{
    /// <summary>Readings gathered into one transaction by default.</summary>
    public const int DefaultReadingsPerTransaction = 20_000;

    /// <summary>
    /// Back-fills [<paramref name="from"/>, <paramref name="to"/>) every <paramref name="interval"/>; with
    /// <paramref name="publish"/> false the readings are history only (no <c>traffic-raw</c> outbox rows).
    /// </summary>
    public async Task<BackfillProgress> RunAsync(
        DateTimeOffset from, DateTimeOffset to, TimeSpan interval, Action<BackfillProgress>? onProgress, CancellationToken cancellationToken,
        int readingsPerTransaction = DefaultReadingsPerTransaction, bool publish = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(readingsPerTransaction);
        if (!source.CanReadRange) throw new NotSupportedException($"The {source.Name} source cannot read a range of past ticks.");

        var total = to > from ? (to - from).Ticks / interval.Ticks + ((to - from).Ticks % interval.Ticks == 0 ? 0 : 1) : 0;
        var progress = new BackfillProgress(0, total, 0, 0, 0);
        var pending = new List<TrafficBatch>();
        var pendingReadings = 0;
        await foreach (var batch in source.ReadRangeAsync(from, to, interval, cancellationToken))
        {
            pending.Add(NeighbourRatios.Annotate(batch, source.Adjacency));
            pendingReadings += batch.Readings.Count + batch.Rejected.Count;
            if (pendingReadings < readingsPerTransaction) continue;
            progress = await FlushAsync(pending, progress, publish, cancellationToken);
            pendingReadings = 0;
            onProgress?.Invoke(progress);
        }

        if (pending.Count > 0) progress = await FlushAsync(pending, progress, publish, cancellationToken);
        onProgress?.Invoke(progress);
        return progress;
    }

    private async Task<BackfillProgress> FlushAsync(List<TrafficBatch> pending, BackfillProgress progress, bool publish, CancellationToken cancellationToken)
    {
        var result = await writer.WriteAsync(pending, publish, cancellationToken);
        var readings = pending.Sum(b => b.Readings.Count);
        var rejected = pending.Sum(b => b.Rejected.Count);
        var next = progress with
        {
            TicksDone = progress.TicksDone + pending.Count,
            Readings = progress.Readings + readings,
            Inserted = progress.Inserted + result.Inserted,
            Rejected = progress.Rejected + rejected,
        };
        pending.Clear();
        return next;
    }
}
