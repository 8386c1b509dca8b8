using Npgsql;
using NpgsqlTypes;

namespace TrafficOrleans.Storage.Postgres.Notifications;

/// <summary>
/// The alerts in PostgreSQL <c>notifications</c>, as their published JSON: newest-first pages for the history API and
/// oldest-first catch-up for a reconnecting push client. Every silo's alerts are in the table, so either answer is
/// the same whichever silo is asked.
/// </summary>
public sealed class NotificationHistory(NpgsqlDataSource dataSource)
{
    // Rows written before migration 0011 have no payload: the columns they do have make the document.
    private const string Document = """
        coalesce(payload, jsonb_build_object('event_id', event_id, 'timestamp', "timestamp", 'alert_type', alert_type,
            'road_id', road_id, 'severity', severity, 'message', message))::text
        """;

    private const string PageSql = $"""
        SELECT id, "timestamp", road_id, {Document} FROM notifications
        WHERE "timestamp" >= $1 AND "timestamp" < $2
          AND ($3::text[] IS NULL OR road_id = ANY($3))
          AND ($4::text IS NULL OR alert_type = $4)
          AND ($5::text IS NULL OR severity = $5)
          AND ($6::timestamptz IS NULL OR ("timestamp", id) < ($6, $7))
        ORDER BY "timestamp" DESC, id DESC
        LIMIT $8
        """;

    // The page ends with a whole timestamp: a tick's alerts share one, and a page cut inside it would make the next
    // page ("after the last timestamp") skip the rest of that tick. Only alerts stored within the reach ($3, wall clock)
    // count; the oldest timestamp among them is a floor that spares scanning older alerts when "since" is far back.
    private const string SinceSql = $"""
        WITH reach AS (SELECT min("timestamp") AS floor FROM notifications WHERE stored_at >= now() - $3),
        page AS (
            SELECT n."timestamp" FROM notifications n, reach
            WHERE n."timestamp" > $1 AND n."timestamp" >= reach.floor AND n.stored_at >= now() - $3
            ORDER BY n."timestamp", n.id LIMIT $2)
        SELECT id, "timestamp", road_id, {Document} FROM notifications
        WHERE "timestamp" > $1 AND "timestamp" <= (SELECT max("timestamp") FROM page) AND stored_at >= now() - $3
        ORDER BY "timestamp", id
        """;

    /// <summary>
    /// Up to <paramref name="limit"/> alerts matching <paramref name="filter"/>, newest first, after
    /// <paramref name="after"/> (the previous page's cursor); the cursor of the next page, null on the last one.
    /// </summary>
    public async Task<(IReadOnlyList<StoredNotification> Items, NotificationCursor? Next)> PageAsync(
        NotificationFilter filter, NotificationCursor? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        if (filter.RoadIds is { Count: 0 }) return ([], null);
        await using var command = dataSource.CreateCommand(PageSql);
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = filter.From.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = filter.To.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = filter.RoadIds is null ? DBNull.Value : filter.RoadIds.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.AlertType ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.Severity ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = after is { } c ? c.Timestamp.UtcDateTime : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = after?.Id ?? 0 });
        // One row more than asked tells whether another page follows.
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit + 1 });
        var rows = await ReadAsync(command, cancellationToken);
        if (rows.Count <= limit) return (rows, null);
        rows.RemoveAt(limit);
        return (rows, new NotificationCursor(rows[^1].Timestamp, rows[^1].Id));
    }

    /// <summary>
    /// The first <paramref name="limit"/> alerts stamped after <paramref name="since"/>, oldest first, plus the rest of
    /// the last one's timestamp, so that asking again after the last timestamp received misses none; fewer than
    /// <paramref name="limit"/> only when no later alert is stored. Only alerts stored (wall clock) within
    /// <paramref name="reach"/> of now are returned.
    /// </summary>
    public async Task<IReadOnlyList<StoredNotification>> SinceAsync(DateTimeOffset since, int limit, TimeSpan reach, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(SinceSql);
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = since.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = reach });
        return await ReadAsync(command, cancellationToken);
    }

    private static async Task<List<StoredNotification>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<StoredNotification>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new StoredNotification(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3)));
        }

        return rows;
    }
}
