using Npgsql;

namespace TrafficOrleans.Api.Roads;

/// <summary>
/// A road's recent history from PostgreSQL in one round trip: the readings of the <see cref="Window"/> up to its latest
/// reading (anchored there rather than at the wall clock, so a road that went quiet still shows its last hours), the
/// latest prediction, and each forecast of that window beside the reading nearest its target time (±150 s).
/// </summary>
public static class RoadHistoryQuery
{
    /// <summary>How far back the history reaches.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(2);

    private const string Since = """
        (SELECT coalesce(max("timestamp"), now()) - $2::interval FROM traffic_data WHERE road_id = $1)
        """;

    private const string Readings = $"""
        SELECT "timestamp", speed, jam_factor, congestion_level FROM traffic_data
        WHERE road_id = $1 AND "timestamp" >= {Since} ORDER BY "timestamp"
        """;

    private const string LatestPrediction = """
        SELECT "timestamp", model_version, predicted_speed_10min, predicted_speed_20min, predicted_speed_30min, prediction_confidence
        FROM predictions WHERE road_id = $1 ORDER BY "timestamp" DESC LIMIT 1
        """;

    private const string Outcomes = $"""
        SELECT p."timestamp" + make_interval(mins => h.minutes) AS target, h.minutes,
               CASE h.minutes WHEN 10 THEN p.predicted_speed_10min WHEN 20 THEN p.predicted_speed_20min ELSE p.predicted_speed_30min END,
               a.speed
        FROM predictions p
        CROSS JOIN (VALUES (10), (20), (30)) AS h(minutes)
        JOIN LATERAL (
            SELECT d.speed FROM traffic_data d
            WHERE d.road_id = p.road_id
              AND d."timestamp" BETWEEN p."timestamp" + make_interval(mins => h.minutes) - interval '150 seconds'
                                    AND p."timestamp" + make_interval(mins => h.minutes) + interval '150 seconds'
            ORDER BY abs(extract(epoch FROM d."timestamp" - (p."timestamp" + make_interval(mins => h.minutes))))
            LIMIT 1) a ON true
        WHERE p.road_id = $1 AND p."timestamp" >= {Since} - interval '30 minutes'
          AND p."timestamp" + make_interval(mins => h.minutes) >= {Since}
        ORDER BY target, h.minutes
        """;

    /// <summary>The road's readings, latest prediction and outcomes (empty lists and null when it has none).</summary>
    public static async Task<(IReadOnlyList<RoadReadingPoint> History, RoadPredictionPoint? Prediction, IReadOnlyList<PredictedVersusActual> Outcomes)> RunAsync(
        NpgsqlDataSource dataSource, string roadId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands = { Command(Readings, roadId, withWindow: true), Command(LatestPrediction, roadId, withWindow: false), Command(Outcomes, roadId, withWindow: true) },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var history = new List<RoadReadingPoint>();
        while (await reader.ReadAsync(cancellationToken))
        {
            history.Add(new(reader.GetFieldValue<DateTimeOffset>(0), Math.Round(reader.GetDouble(1), 1), reader.GetDouble(2), reader.GetString(3)));
        }

        await reader.NextResultAsync(cancellationToken);
        RoadPredictionPoint? prediction = null;
        if (await reader.ReadAsync(cancellationToken))
        {
            prediction = new(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), Math.Round(reader.GetDouble(2), 1),
                Math.Round(reader.GetDouble(3), 1), Math.Round(reader.GetDouble(4), 1), Math.Round(reader.GetDouble(5), 3));
        }

        await reader.NextResultAsync(cancellationToken);
        var outcomes = new List<PredictedVersusActual>();
        while (await reader.ReadAsync(cancellationToken))
        {
            outcomes.Add(new(reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt32(1), Math.Round(reader.GetDouble(2), 1), Math.Round(reader.GetDouble(3), 1)));
        }

        return (history, prediction, outcomes);
    }

    private static NpgsqlBatchCommand Command(string sql, string roadId, bool withWindow)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = roadId });
        if (withWindow) command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = Window });
        return command;
    }
}
