using Npgsql;

namespace TrafficOrleans.Api.Analytics;

/// <summary>
/// Online evaluation: each prediction in the window is joined, per horizon, with the reading of the same road
/// closest to timestamp + horizon within ± 2.5 minutes (half the cadence, so one reading matches at most); a
/// prediction whose reading never arrived is left out rather than counted as an error.
/// </summary>
public static class ModelAccuracyQuery
{
    private const string Sql =
        """
        SELECT p.model_version, h.minutes,
               avg(abs(h.predicted - a.speed))              AS mae,
               sqrt(avg((h.predicted - a.speed) ^ 2))       AS rmse,
               count(*)                                     AS n
        FROM predictions p
        CROSS JOIN LATERAL (VALUES (10, p.predicted_speed_10min),
                                   (20, p.predicted_speed_20min),
                                   (30, p.predicted_speed_30min)) AS h(minutes, predicted)
        JOIN LATERAL (
            SELECT d.speed
            FROM traffic_data d
            WHERE d.road_id = p.road_id
              AND d."timestamp" BETWEEN p."timestamp" + make_interval(mins => h.minutes) - interval '150 seconds'
                                    AND p."timestamp" + make_interval(mins => h.minutes) + interval '150 seconds'
            ORDER BY abs(extract(epoch FROM d."timestamp" - (p."timestamp" + make_interval(mins => h.minutes))))
            LIMIT 1) a ON true
        WHERE p."timestamp" >= $1 AND p."timestamp" < $2
        GROUP BY p.model_version, h.minutes
        ORDER BY p.model_version, h.minutes
        """;

    /// <summary>MAE per model version and horizon for predictions made in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static async Task<IReadOnlyList<ModelAccuracy>> RunAsync(
        NpgsqlDataSource dataSource, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.AddWithValue(from);
        command.Parameters.AddWithValue(to);
        var result = new List<ModelAccuracy>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new ModelAccuracy(reader.GetString(0), reader.GetInt32(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetInt64(4)));
        }

        return result;
    }
}
