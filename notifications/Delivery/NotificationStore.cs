using System.Text.Json;
using Npgsql;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.GrainInterfaces.Routes;
using TrafficOrleans.Outbox;
using TrafficOrleans.Kafka.Topics;
using TrafficOrleans.Notifications.Rules;

namespace TrafficOrleans.Notifications.Delivery;

/// <summary>
/// The dual write of a batch, in ONE PostgreSQL transaction: reads the last alert type of the batch's roads,
/// runs the rules, inserts the alerts into <c>notifications</c> (ON CONFLICT (event_id) DO NOTHING) and, for exactly
/// the rows that were new, a <c>traffic-notifications</c> outbox row; rejected messages become dead-letter outbox
/// rows. The outbox relay publishes them later, so Kafka only ever sees what PostgreSQL committed, and a batch
/// processed twice (a redelivery after a crash) adds nothing the second time.
/// </summary>
public sealed class NotificationStore(NpgsqlDataSource dataSource, OutboxSignal signal, KafkaTopicsOptions topics, IRecentRoutes? recentRoutes = null)
{
    // One index entry per road (ix_notifications_road_latest): the cost does not grow with the alerts stored so far.
    private const string LastAlertTypesSql = """
        SELECT r.road_id, latest.alert_type FROM unnest($1::text[]) AS r(road_id)
        CROSS JOIN LATERAL (
            SELECT n.alert_type FROM notifications n WHERE n.road_id = r.road_id
            ORDER BY n."timestamp" DESC, n.id DESC LIMIT 1) AS latest
        """;

    // The outbox rows join the INSERT's RETURNING, so an alert that was already stored queues no message.
    private const string InsertSql = """
        WITH n AS (
            SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[], $7::bytea[])
                WITH ORDINALITY AS n(event_id, alert_type, road_id, severity, message, ts, payload, ord)),
        inserted AS (
            INSERT INTO notifications (event_id, alert_type, road_id, severity, message, "timestamp", payload)
            SELECT event_id, alert_type, road_id, severity, message, ts, convert_from(payload, 'UTF8')::jsonb FROM n ORDER BY ord
            ON CONFLICT (event_id) DO NOTHING
            RETURNING event_id, alert_type),
        queued AS (
            INSERT INTO outbox (topic, message_key, payload)
            SELECT $8, n.road_id, n.payload FROM n JOIN inserted i ON i.event_id = n.event_id ORDER BY n.ord
            RETURNING id)
        SELECT alert_type, count(*) FROM inserted GROUP BY alert_type
        """;

    /// <summary>Evaluates and stores one batch (see the class summary).</summary>
    public async Task<BatchOutcome> WriteAsync(
        IReadOnlyList<RoadPrediction> predictions, IReadOnlyList<OutboxMessage> deadLetters, BatchEvaluator evaluator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(evaluator);
        // Read before the transaction opens, so a slow Redis never holds PostgreSQL locks.
        var recent = await (recentRoutes ?? NoRecentRoutes.Instance).RecentAsync(cancellationToken);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var lastTypes = await LastAlertTypesAsync(connection, transaction, predictions, cancellationToken);
        var alerts = AffectedRoutes.Attach(evaluator.Evaluate(predictions, lastTypes), recent);
        var inserted = await InsertAsync(connection, transaction, alerts, cancellationToken);
        var deadLettered = await OutboxWriter.WriteAsync(connection, transaction, deadLetters, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (inserted.Count > 0 || deadLettered > 0) signal.Notify();
        return new BatchOutcome(alerts.Count, inserted, deadLettered);
    }

    private static async Task<Dictionary<string, string>> LastAlertTypesAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<RoadPrediction> predictions, CancellationToken cancellationToken)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        if (predictions.Count == 0) return types;
        await using var command = new NpgsqlCommand(LastAlertTypesSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. predictions.Select(p => p.RoadId).Distinct(StringComparer.Ordinal)] });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) types[reader.GetString(0)] = reader.GetString(1);
        return types;
    }

    private async Task<Dictionary<string, long>> InsertAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<TrafficNotification> alerts, CancellationToken cancellationToken)
    {
        var inserted = new Dictionary<string, long>(StringComparer.Ordinal);
        if (alerts.Count == 0) return inserted;
        await using var command = new NpgsqlCommand(InsertSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = [.. alerts.Select(a => a.EventId)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. alerts.Select(a => a.AlertType)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. alerts.Select(a => a.RoadId)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. alerts.Select(a => a.Severity)] });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = [.. alerts.Select(a => a.Message)] });
        command.Parameters.Add(new NpgsqlParameter<DateTime[]> { TypedValue = [.. alerts.Select(a => a.Timestamp.UtcDateTime)] });
        command.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = [.. alerts.Select(a => JsonSerializer.SerializeToUtf8Bytes(a, TrafficJson.Options))] });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = topics.Notifications });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) inserted[reader.GetString(0)] = reader.GetInt64(1);
        return inserted;
    }
}
