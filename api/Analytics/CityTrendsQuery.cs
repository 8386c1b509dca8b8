using Npgsql;

namespace TrafficOrleans.Api.Analytics;

/// <summary>
/// City-wide (or one road's) trends from <c>traffic_hourly</c>, the rollup a trigger keeps as readings arrive
/// (migration 0010): a week of 772 roads is ~130,000 rollup rows instead of 1.5 million readings.
/// </summary>
public static class CityTrendsQuery
{
    private const string Filter = """hour >= $1 AND hour < $2 AND ($3::text IS NULL OR road_id = $3)""";

    private static readonly string HourlySql =
        $"""
        SELECT hour, sum(speed_sum) / sum(readings), sum(readings)
        FROM traffic_hourly WHERE {Filter}
        GROUP BY hour ORDER BY hour
        """;

    private static readonly string PatternSql =
        $"""
        SELECT extract(isodow FROM hour AT TIME ZONE $4)::int, extract(hour FROM hour AT TIME ZONE $4)::int,
               sum(speed_sum) / sum(readings), sum(congested)::float8 / sum(readings), sum(readings)
        FROM traffic_hourly WHERE {Filter}
        GROUP BY 1, 2 ORDER BY 1, 2
        """;

    // Names come from each top road's latest reading (the unique (road_id, timestamp) index), for the few roads listed.
    private static readonly string TopSql =
        $"""
        SELECT t.road_id, coalesce(n.road_name, t.road_id), t.speed, t.congested, t.jam, t.readings
        FROM (
            SELECT road_id, sum(speed_sum) / sum(readings) AS speed, sum(congested)::float8 / sum(readings) AS congested,
                   sum(jam_sum) / sum(readings) AS jam, sum(readings) AS readings
            FROM traffic_hourly WHERE {Filter}
            GROUP BY road_id
            ORDER BY congested DESC, jam DESC, road_id
            LIMIT $4
        ) t
        LEFT JOIN LATERAL (
            SELECT road_name FROM traffic_data d WHERE d.road_id = t.road_id AND d.road_name IS NOT NULL
            ORDER BY d."timestamp" DESC LIMIT 1
        ) n ON true
        ORDER BY t.congested DESC, t.jam DESC, t.road_id
        """;

    /// <summary>Trends of [<paramref name="from"/>, <paramref name="to"/>) for the city or <paramref name="roadId"/>.</summary>
    public static async Task<CityTrends> RunAsync(
        NpgsqlDataSource dataSource, DateTimeOffset from, DateTimeOffset to, string? roadId, int limit, string timeZone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands = { Command(HourlySql, from, to, roadId), Command(PatternSql, from, to, roadId, timeZone), Command(TopSql, from, to, roadId, limit) },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var hourly = new List<HourlySpeed>();
        while (await reader.ReadAsync(cancellationToken)) hourly.Add(new(reader.GetFieldValue<DateTimeOffset>(0), reader.GetDouble(1), reader.GetInt64(2)));
        await reader.NextResultAsync(cancellationToken);
        var patterns = new List<WeekHourPattern>();
        while (await reader.ReadAsync(cancellationToken))
        {
            patterns.Add(new(reader.GetInt32(0), reader.GetInt32(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetInt64(4)));
        }

        await reader.NextResultAsync(cancellationToken);
        var top = new List<CongestedRoad>();
        while (await reader.ReadAsync(cancellationToken))
        {
            top.Add(new(reader.GetString(0), reader.GetString(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4), reader.GetInt64(5)));
        }

        return new CityTrends(from, to, roadId, hourly, patterns, top);
    }

    // $1 from, $2 to, $3 road (null: every road), then the query's own parameters from $4 on.
    private static NpgsqlBatchCommand Command(string sql, DateTimeOffset from, DateTimeOffset to, string? roadId, object? extra = null)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddWithValue(from);
        command.Parameters.AddWithValue(to);
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = roadId, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        if (extra is not null) command.Parameters.AddWithValue(extra);
        return command;
    }
}
