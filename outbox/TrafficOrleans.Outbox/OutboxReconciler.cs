using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Npgsql;
using TrafficOrleans.Kafka;

namespace TrafficOrleans.Outbox;

/// <summary>
/// Closes the relay's at-least-once window. A relay that stops between Kafka acknowledging a round and PostgreSQL
/// marking it sent (a kill -9, PostgreSQL gone at that moment, a delivery reported failed that did reach the log) leaves
/// rows unsent whose messages are already published. Before its first round, and after any round that did not end
/// cleanly, a relay reads each affected partition from where the last committed round ended
/// (<see cref="OutboxPositions"/>) to its end, and marks the rows whose <see cref="OutboxHeaderNames.RowId"/> it finds
/// as sent, so they are not published a second time.
/// </summary>
/// <remarks>
/// Exact as long as rounds of one relay run one after another (the lease in a cluster) and its rounds' messages follow
/// the recorded positions. A partition without a recorded position is read over its last
/// <see cref="OutboxOptions.ReconcileWindow"/> messages. Marking a row that is already sent is a no-op, so reading more
/// than needed only costs time.
/// </remarks>
internal sealed partial class OutboxReconciler(NpgsqlDataSource dataSource, KafkaConnectionOptions kafka, OutboxOptions options, OutboxMetrics metrics, ILogger logger)
{
    private readonly OutboxLogScanner _scanner = new(kafka);

    /// <summary>Marks the unsent rows already in the log as sent; returns how many.</summary>
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        var topics = await UnsentTopicsAsync(cancellationToken);
        if (topics.Count == 0) return 0;
        var positions = await OutboxPositions.ReadAsync(dataSource, topics, cancellationToken);
        var timeout = options.ReconcileTimeout;
        var (ranges, found, messages) = await Task.Run(
            () =>
            {
                var partitions = _scanner.Partitions(topics, timeout);
                var ranges = partitions.Select(p => (p.Key, Start(p.Key, p.Value, positions), p.Value.High.Value)).ToList();
                var (rowIds, read) = _scanner.Scan(ranges, timeout);
                return (ranges, rowIds, read);
            },
            cancellationToken);

        var marked = await MarkFoundAsync(found, ranges, cancellationToken);
        metrics.Reconciled(marked);
        LogReconciled(logger, messages, ranges.Count(r => r.Item3 > r.Item2), marked);
        return marked;
    }

    private long Start(TopicPartition partition, WatermarkOffsets offsets, Dictionary<(string, int), long> positions)
    {
        var low = Math.Max(0, offsets.Low.Value);
        var high = Math.Max(low, offsets.High.Value);
        // A position beyond the end belongs to a log that was replaced (a new broker, a re-created topic): nothing to read.
        var start = positions.TryGetValue((partition.Topic, partition.Partition.Value), out var next) ? next : high - options.ReconcileWindow;
        return Math.Clamp(start, low, high);
    }

    private async Task<List<string>> UnsentTopicsAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT DISTINCT topic FROM outbox WHERE sent_at IS NULL");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var topics = new List<string>();
        while (await reader.ReadAsync(cancellationToken)) topics.Add(reader.GetString(0));
        return topics;
    }

    private async Task<int> MarkFoundAsync(HashSet<long> found, List<(TopicPartition Partition, long Start, long End)> ranges, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        var mark = new NpgsqlBatchCommand("UPDATE outbox SET sent_at = now(), attempts = attempts + 1 WHERE id = ANY($1) AND sent_at IS NULL");
        mark.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = [.. found] });
        if (found.Count > 0) batch.BatchCommands.Add(mark);
        var scanned = ranges.Where(r => r.End > r.Start).Select(r => (r.Partition.Topic, r.Partition.Partition.Value, r.End)).ToList();
        if (scanned.Count > 0) batch.BatchCommands.Add(OutboxPositions.Advance(scanned));
        if (batch.BatchCommands.Count == 0) return 0;
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return found.Count > 0 ? mark.RecordsAffected : 0;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Outbox reconciled before relaying: read {Messages} messages on {Partitions} partition(s), {Marked} unsent row(s) were already published and are marked sent")]
    private static partial void LogReconciled(ILogger logger, long messages, int partitions, int marked);
}
