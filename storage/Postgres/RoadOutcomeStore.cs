using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Npgsql;
using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Storage.Postgres;

/// <summary>
/// Records what a road grain did with a reading: the reading in <c>traffic_data</c>, its prediction in
/// <c>predictions</c> and, for each prediction row that was new, its <c>traffic-predictions</c> message in the
/// transactional <c>outbox</c> (published by the outbox relay) — in one transaction, idempotently on
/// (road_id, timestamp). A reading applied again after a crash therefore adds neither a row nor a message: every
/// reading has exactly one prediction row and one prediction message. The pair is the grain's
/// durable "applied" marker (see <see cref="TrafficHistory.AppliedReadingsAfterAsync"/>). Thousands of road
/// grains save concurrently, so saves are gathered into one round trip (group commit);
/// each caller's task completes only when its rows are committed. <see cref="ConcurrentWriters"/> such batches are in
/// flight at once, on their own connections.
/// </summary>
public sealed class RoadOutcomeStore : IAsyncDisposable
{
    private const int MaxBatch = 2000;
    private const int MaxAttempts = 3;

    /// <summary>
    /// Group commits in flight at once. One writer made PostgreSQL's single backend the pipeline's ceiling: a reading
    /// costs it ~100 µs of statement time, so one connection tops out near 10,000 readings/s however many cores are
    /// idle, and while it waits for a commit nothing else is written. A road's readings are never in two batches at
    /// once (its grain awaits each save before the next), so concurrent batches keep each road's order in the outbox.
    /// </summary>
    public const int ConcurrentWriters = 2;

    private readonly NpgsqlDataSource _dataSource;
    private readonly PredictionMessages _messages;
    private readonly Channel<PendingOutcomes> _pending = Channel.CreateUnbounded<PendingOutcomes>();
    private readonly ConcurrentDictionary<DateOnly, bool> _ensuredDays = new();
    private readonly SemaphoreSlim _ensuringPartitions = new(1, 1);
    private readonly Task[] _writers;

    /// <summary>Starts the background writers.</summary>
    public RoadOutcomeStore(NpgsqlDataSource dataSource, PredictionMessages messages)
    {
        _dataSource = dataSource;
        _messages = messages;
        _writers = [.. Enumerable.Range(0, ConcurrentWriters).Select(_ => Task.Run(WriteLoopAsync))];
    }

    /// <summary>Stores readings and their predictions; completes when all are committed (duplicates are no-ops).</summary>
    public Task SaveAsync(IReadOnlyList<RoadOutcome> outcomes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Count == 0) return Task.CompletedTask;
        var pending = new PendingOutcomes(outcomes, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_pending.Writer.TryWrite(pending), this);
        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await Task.WhenAll(_writers);
        _ensuringPartitions.Dispose();
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingOutcomes>();
        var rows = new List<RoadOutcome>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync())
        {
            while (rows.Count < MaxBatch && _pending.Reader.TryRead(out var next))
            {
                batch.Add(next);
                rows.AddRange(next.Outcomes);
            }

            try
            {
                await WriteWithRetryAsync(rows);
                foreach (var item in batch) item.Done.TrySetResult();
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                foreach (var item in batch) item.Done.TrySetException(ex);
            }

            batch.Clear();
            rows.Clear();
        }
    }

    // A deadlock or serialization failure rolls the whole batch back and succeeds when simply run again;
    // failing it instead would make every grain in the batch deactivate and replay its readings.
    private async Task WriteWithRetryAsync(List<RoadOutcome> batch)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await WriteBatchAsync(batch);
                return;
            }
            catch (PostgresException ex) when (ex.IsTransient && attempt < MaxAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt));
            }
        }
    }

    private async Task WriteBatchAsync(List<RoadOutcome> batch)
    {
        foreach (var day in batch.Select(p => DateOnly.FromDateTime(p.Prediction.Timestamp.UtcDateTime)).Distinct())
        {
            await EnsurePartitionAsync(day);
        }

        // Both inserts travel in one round trip as column arrays (no temp tables, no per-value writes) and
        // run in one implicit transaction: a prediction row and its outbox message are only ever committed
        // together with their reading. The outbox trigger's NOTIFY wakes the relay at the commit. The readings go last:
        // their rollup trigger updates the city's hourly row, which a concurrent writer's batch then waits for until
        // this one commits, so everything before it runs side by side.
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var write = new NpgsqlBatch(connection)
        {
            BatchCommands = { InsertPredictionsAndMessages(batch), InsertReadings(batch) },
        };
        await write.ExecuteNonQueryAsync();
    }

    private static NpgsqlBatchCommand InsertReadings(List<RoadOutcome> batch)
    {
        var command = new NpgsqlBatchCommand("""
            INSERT INTO traffic_data (road_id, "timestamp", speed, free_flow_speed, jam_factor, congestion_level, speed_ratio, is_rush_hour, event_id, road_name)
            SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::float8[], $4::float8[], $5::float8[], $6::text[], $7::float8[], $8::bool[], $9::uuid[], $10::text[])
            ON CONFLICT (road_id, "timestamp") DO NOTHING
            """);
        var readings = batch.ConvertAll(outcome => outcome.Reading);
        command.Parameters.Add(Column(readings, r => r.RoadId));
        command.Parameters.Add(Column(readings, r => r.Timestamp.UtcDateTime));
        command.Parameters.Add(Column(readings, r => r.CurrentSpeed));
        command.Parameters.Add(Column(readings, r => r.FreeFlowSpeed));
        command.Parameters.Add(Column(readings, r => r.JamFactor));
        command.Parameters.Add(Column(readings, r => CongestionLevels.Name(r.CongestionLevel)));
        command.Parameters.Add(Column(readings, r => r.SpeedRatio));
        command.Parameters.Add(Column(readings, r => r.IsRushHour));
        command.Parameters.Add(Column(readings, r => r.EventId));
        command.Parameters.Add(Column(readings, r => r.RoadName));
        return command;
    }

    // Outbox rows only for the predictions the INSERT actually added (a repeat adds none), in the batch's order so
    // that the relay publishes each road's predictions in order. Key and value are the stream provider's: road_id
    // (murmur2-partitioned) and the prediction's JSON.
    private NpgsqlBatchCommand InsertPredictionsAndMessages(List<RoadOutcome> batch)
    {
        var command = new NpgsqlBatchCommand("""
            WITH inserted AS (
                INSERT INTO predictions (road_id, "timestamp", current_speed, predicted_speed_10min, predicted_speed_20min,
                                         predicted_speed_30min, prediction_confidence, model_version, event_id)
                SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::float8[], $4::float8[], $5::float8[], $6::float8[], $7::float8[], $8::text[], $9::uuid[])
                ON CONFLICT (road_id, "timestamp") DO NOTHING
                RETURNING road_id, "timestamp")
            INSERT INTO outbox (topic, message_key, payload, headers)
            SELECT $11, m.road_id, m.payload, $12::jsonb
            FROM unnest($1::text[], $2::timestamptz[], $10::bytea[]) WITH ORDINALITY AS m(road_id, ts, payload, ord)
                 JOIN inserted i ON i.road_id = m.road_id AND i."timestamp" = m.ts
            ORDER BY m.ord
            """);
        // The join would give a (road, time) that occurs twice in the batch two messages for its one new row: the first wins, as in the table.
        var seen = new HashSet<(string, DateTimeOffset)>(batch.Count);
        var predictions = batch.Select(outcome => outcome.Prediction).Where(p => seen.Add((p.RoadId, p.Timestamp))).ToList();
        command.Parameters.Add(Column(predictions, p => p.RoadId));
        command.Parameters.Add(Column(predictions, p => p.Timestamp.UtcDateTime));
        command.Parameters.Add(Column(predictions, p => p.CurrentSpeed));
        command.Parameters.Add(Column(predictions, p => p.PredictedSpeed10Min));
        command.Parameters.Add(Column(predictions, p => p.PredictedSpeed20Min));
        command.Parameters.Add(Column(predictions, p => p.PredictedSpeed30Min));
        command.Parameters.Add(Column(predictions, p => p.PredictionConfidence));
        command.Parameters.Add(Column(predictions, p => p.ModelVersion));
        command.Parameters.Add(Column(predictions, p => p.EventId));
        command.Parameters.Add(Column(predictions, p => JsonSerializer.SerializeToUtf8Bytes(p, _messages.Json)));
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _messages.Topic });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = _messages.HeadersJson });
        return command;
    }

    private static NpgsqlParameter<T[]> Column<TRow, T>(List<TRow> rows, Func<TRow, T> value) => new() { TypedValue = [.. rows.Select(value)] };

    private async Task EnsurePartitionAsync(DateOnly day)
    {
        if (_ensuredDays.ContainsKey(day)) return;
        // Two writers creating the same partition at once would race on the catalogue ("relation already exists").
        await _ensuringPartitions.WaitAsync();
        try
        {
            if (!_ensuredDays.ContainsKey(day)) await CreatePartitionsAsync(day);
        }
        finally
        {
            _ensuringPartitions.Release();
        }
    }

    private async Task CreatePartitionsAsync(DateOnly day)
    {
        // One table per transaction: creating a partition locks its parent exclusively, and holding one parent
        // while locking the other deadlocks with readers that join the two tables (e.g. grain catch-up).
        foreach (var table in new[] { "traffic_data", "predictions" })
        {
            await using var command = _dataSource.CreateCommand("SELECT traffic_ensure_partitions($1, $2, $2)");
            command.Parameters.AddWithValue(table);
            command.Parameters.AddWithValue(day);
            await command.ExecuteScalarAsync();
        }

        _ensuredDays[day] = true;
    }

    private readonly record struct PendingOutcomes(IReadOnlyList<RoadOutcome> Outcomes, TaskCompletionSource Done);
}
