using System.Collections.Concurrent;
using Npgsql;
using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Storage.Postgres;

/// <summary>
/// Writes predictions to the partitioned <c>predictions</c> table, idempotently on (road_id, timestamp),
/// so a redelivered reading that is predicted again changes nothing.
/// </summary>
public sealed class PredictionStore(NpgsqlDataSource dataSource)
{
    private const string Insert = """
        INSERT INTO predictions (road_id, "timestamp", current_speed, predicted_speed_10min, predicted_speed_20min,
                                 predicted_speed_30min, prediction_confidence, model_version, event_id)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        ON CONFLICT (road_id, "timestamp") DO NOTHING
        """;

    private readonly ConcurrentDictionary<DateOnly, bool> _ensuredDays = new();

    /// <summary>Stores a prediction; true if it was new.</summary>
    public async Task<bool> SaveAsync(RoadPrediction prediction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        await EnsurePartitionAsync(prediction.Timestamp, cancellationToken);
        await using var command = dataSource.CreateCommand(Insert);
        command.Parameters.AddWithValue(prediction.RoadId);
        command.Parameters.AddWithValue(prediction.Timestamp.ToUniversalTime());
        command.Parameters.AddWithValue(prediction.CurrentSpeed);
        command.Parameters.AddWithValue(prediction.PredictedSpeed10Min);
        command.Parameters.AddWithValue(prediction.PredictedSpeed20Min);
        command.Parameters.AddWithValue(prediction.PredictedSpeed30Min);
        command.Parameters.AddWithValue(prediction.PredictionConfidence);
        command.Parameters.AddWithValue(prediction.ModelVersion);
        command.Parameters.AddWithValue(prediction.EventId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task EnsurePartitionAsync(DateTimeOffset timestamp, CancellationToken cancellationToken)
    {
        var day = DateOnly.FromDateTime(timestamp.UtcDateTime);
        if (_ensuredDays.ContainsKey(day)) return;
        await using var command = dataSource.CreateCommand("SELECT traffic_ensure_partitions('predictions', $1, $1)");
        command.Parameters.AddWithValue(day);
        await command.ExecuteScalarAsync(cancellationToken);
        _ensuredDays[day] = true;
    }
}
