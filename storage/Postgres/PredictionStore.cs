using System.Collections.Concurrent;
using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;
using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Storage.Postgres;

/// <summary>
/// Writes predictions to the partitioned <c>predictions</c> table, idempotently on (road_id, timestamp).
/// Thousands of road grains save concurrently, so saves are gathered into one binary COPY per round trip
/// (group commit); each caller's task completes only when its row is committed.
/// </summary>
public sealed class PredictionStore : IAsyncDisposable
{
    private const int MaxBatch = 2000;

    private readonly NpgsqlDataSource _dataSource;
    private readonly Channel<PendingPrediction> _pending = Channel.CreateUnbounded<PendingPrediction>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<DateOnly, bool> _ensuredDays = new();
    private readonly Task _writer;

    /// <summary>Starts the background writer.</summary>
    public PredictionStore(NpgsqlDataSource dataSource)
    {
        _dataSource = dataSource;
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>Stores a prediction; completes when it is committed (a duplicate of a stored one is a no-op).</summary>
    public Task SaveAsync(RoadPrediction prediction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        var pending = new PendingPrediction(prediction, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
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
            foreach (var (p, _) in batch)
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
        await using var command = _dataSource.CreateCommand("SELECT traffic_ensure_partitions('predictions', $1, $1)");
        command.Parameters.AddWithValue(day);
        await command.ExecuteScalarAsync();
        _ensuredDays[day] = true;
    }

    private readonly record struct PendingPrediction(RoadPrediction Prediction, TaskCompletionSource Done);
}
