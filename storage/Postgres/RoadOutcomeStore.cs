using System.Collections.Concurrent;
using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;
using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Storage.Postgres;

/// <summary>
/// Records what a road grain did with a reading: the reading in <c>traffic_data</c> and its prediction in
/// <c>predictions</c>, in one transaction, idempotently on (road_id, timestamp). The pair is the grain's
/// durable "applied" marker (see <see cref="TrafficHistory.AppliedReadingsAfterAsync"/>). Thousands of road
/// grains save concurrently, so saves are gathered into one binary COPY per round trip (group commit);
/// each caller's task completes only when its rows are committed.
/// </summary>
public sealed class RoadOutcomeStore : IAsyncDisposable
{
    private const int MaxBatch = 2000;

    private readonly NpgsqlDataSource _dataSource;
    private readonly Channel<PendingPrediction> _pending = Channel.CreateUnbounded<PendingPrediction>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<DateOnly, bool> _ensuredDays = new();
    private readonly Task _writer;

    /// <summary>Starts the background writer.</summary>
    public RoadOutcomeStore(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Stores a reading and its prediction; completes when both are committed (duplicates are no-ops).</summary>
    public Task SaveAsync(TrafficReading reading, RoadPrediction prediction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(prediction);
        var pending = new PendingPrediction(reading, prediction, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_pending.Writer.TryWrite(pending), this);
        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _writer;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingPrediction>(MaxBatch);
        while (await _pending.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _pending.Reader.TryRead(out var next)) batch.Add(next);
            try
            {
                await WriteBatchAsync(batch);
                foreach (var item in batch) item.Done.TrySetResult();
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
            {
                foreach (var item in batch) item.Done.TrySetException(ex);
            }

            batch.Clear();
        }
    }

    private async Task WriteBatchAsync(List<PendingPrediction> batch)
    {
        foreach (var day in batch.Select(p => DateOnly.FromDateTime(p.Prediction.Timestamp.UtcDateTime)).Distinct())
        {
            await EnsurePartitionAsync(day);
        }

        // Readings go first: a prediction row is only ever written together with its reading.

        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var create = new NpgsqlCommand("""
            CREATE TEMP TABLE IF NOT EXISTS prediction_batch (
                road_id text, "timestamp" timestamptz, current_speed double precision, predicted_speed_10min double precision,
                predicted_speed_20min double precision, predicted_speed_30min double precision, prediction_confidence double precision,
                model_version text, event_id uuid) ON COMMIT DELETE ROWS
            """, connection, transaction))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY prediction_batch (road_id, \"timestamp\", current_speed, predicted_speed_10min, predicted_speed_20min, predicted_speed_30min, prediction_confidence, model_version, event_id) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (_, p, _) in batch)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(p.RoadId, NpgsqlDbType.Text);
                await copy.WriteAsync(p.Timestamp.UtcDateTime, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(p.CurrentSpeed, NpgsqlDbType.Double);
                await copy.WriteAsync(p.PredictedSpeed10Min, NpgsqlDbType.Double);
                await copy.WriteAsync(p.PredictedSpeed20Min, NpgsqlDbType.Double);
                await copy.WriteAsync(p.PredictedSpeed30Min, NpgsqlDbType.Double);
                await copy.WriteAsync(p.PredictionConfidence, NpgsqlDbType.Double);
                await copy.WriteAsync(p.ModelVersion, NpgsqlDbType.Text);
                await copy.WriteAsync(p.EventId, NpgsqlDbType.Uuid);
            }

            await copy.CompleteAsync();
        }

        await using (var create = new NpgsqlCommand("""
            CREATE TEMP TABLE IF NOT EXISTS reading_batch (
                road_id text, "timestamp" timestamptz, speed double precision, free_flow_speed double precision,
                jam_factor double precision, congestion_level text, speed_ratio double precision, is_rush_hour boolean,
                event_id uuid, road_name text) ON COMMIT DELETE ROWS
            """, connection, transaction))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY reading_batch (road_id, \"timestamp\", speed, free_flow_speed, jam_factor, congestion_level, speed_ratio, is_rush_hour, event_id, road_name) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (r, _, _) in batch)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(r.RoadId, NpgsqlDbType.Text);
                await copy.WriteAsync(r.Timestamp.UtcDateTime, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(r.CurrentSpeed, NpgsqlDbType.Double);
                await copy.WriteAsync(r.FreeFlowSpeed, NpgsqlDbType.Double);
                await copy.WriteAsync(r.JamFactor, NpgsqlDbType.Double);
                await copy.WriteAsync(CongestionLevels.Name(r.CongestionLevel), NpgsqlDbType.Text);
                await copy.WriteAsync(r.SpeedRatio, NpgsqlDbType.Double);
                await copy.WriteAsync(r.IsRushHour, NpgsqlDbType.Boolean);
                await copy.WriteAsync(r.EventId, NpgsqlDbType.Uuid);
                await copy.WriteAsync(r.RoadName, NpgsqlDbType.Text);
            }

            await copy.CompleteAsync();
        }

        await using (var readings = new NpgsqlCommand("""
            INSERT INTO traffic_data (road_id, "timestamp", speed, free_flow_speed, jam_factor, congestion_level, speed_ratio, is_rush_hour, event_id, road_name)
            SELECT road_id, "timestamp", speed, free_flow_speed, jam_factor, congestion_level, speed_ratio, is_rush_hour, event_id, road_name
            FROM reading_batch
            ON CONFLICT (road_id, "timestamp") DO NOTHING
            """, connection, transaction))
        {
            await readings.ExecuteNonQueryAsync();
        }

        await using (var insert = new NpgsqlCommand("""
            INSERT INTO predictions (road_id, "timestamp", current_speed, predicted_speed_10min, predicted_speed_20min,
                                     predicted_speed_30min, prediction_confidence, model_version, event_id)
            SELECT road_id, "timestamp", current_speed, predicted_speed_10min, predicted_speed_20min,
                   predicted_speed_30min, prediction_confidence, model_version, event_id
            FROM prediction_batch
            ON CONFLICT (road_id, "timestamp") DO NOTHING
            """, connection, transaction))
        {
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private async Task EnsurePartitionAsync(DateOnly day)
    {
        if (_ensuredDays.ContainsKey(day)) return;
        await using var command = _dataSource.CreateCommand(
            "SELECT traffic_ensure_partitions('predictions', $1, $1) + traffic_ensure_partitions('traffic_data', $1, $1)");
        command.Parameters.AddWithValue(day);
        await command.ExecuteScalarAsync();
        _ensuredDays[day] = true;
    }

    private readonly record struct PendingPrediction(TrafficReading Reading, RoadPrediction Prediction, TaskCompletionSource Done);
}
