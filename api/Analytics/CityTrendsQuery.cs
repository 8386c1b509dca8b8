using Npgsql;

namespace TrafficOrleans.Api.Analytics;

/// <summary>
/// City-wide (or one road's) trends from <c>traffic_hourly</c>, the rollup a trigger keeps as readings arrive
/// (migration 0010): a week of 772 roads is ~130,000 rollup rows instead of 1.5 million readings. Two index range
/// scans: one sums each hour over the roads (the hourly series, and the weekday × hour patterns folded from it here
/// in the city's time zone: 168 rows a week, not a time-zone conversion per rollup row), one ranks the roads.
/// </summary>
public static class CityTrendsQuery
{
    private const string HourlyCity = "SELECT hour, sum(readings), sum(speed_sum), sum(congested) FROM traffic_hourly WHERE hour >= $1 AND hour < $2 GROUP BY hour ORDER BY hour";
    private const string HourlyRoad = "SELECT hour, readings, speed_sum, congested FROM traffic_hourly WHERE road_id = $3 AND hour >= $1 AND hour < $2 ORDER BY hour";

    // Names come from each top road's latest reading (the unique (road_id, timestamp) index), for the few roads listed.
    private const string TopTemplate =
        """
        SELECT t.road_id, coalesce(n.road_name, t.road_id), t.speed, t.congested, t.jam, t.readings
        FROM (
            SELECT road_id, sum(speed_sum) / sum(readings) AS speed, sum(congested)::float8 / sum(readings) AS congested,
                   sum(jam_sum) / sum(readings) AS jam, sum(readings) AS readings
            FROM traffic_hourly WHERE ROAD_FILTER hour >= $1 AND hour < $2
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

    // Two texts rather than "$3 IS NULL OR road_id = $3", which keeps PostgreSQL from using the hour index.
    private static readonly string TopCity = TopTemplate.Replace("ROAD_FILTER", "$3::text IS NULL AND", StringComparison.Ordinal);
    private static readonly string TopRoad = TopTemplate.Replace("ROAD_FILTER", "road_id = $3 AND", StringComparison.Ordinal);

    /// <summary>Trends of [<paramref name="from"/>, <paramref name="to"/>) for the city or <paramref name="roadId"/>.</summary>
    public static async Task<CityTrends> RunAsync(
        NpgsqlDataSource dataSource, DateTimeOffset from, DateTimeOffset to, string? roadId, int limit, TimeZoneInfo cityTime, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Command(roadId is null ? HourlyCity : HourlyRoad, from, to, roadId),
                Command(roadId is null ? TopCity : TopRoad, from, to, roadId, limit),
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var hours = new List<(DateTimeOffset Hour, long Readings, double SpeedSum, long Congested)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            hours.Add((reader.GetFieldValue<DateTimeOffset>(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetInt64(3)));
        }

        await reader.NextResultAsync(cancellationToken);
        var top = new List<CongestedRoad>();
        while (await reader.ReadAsync(cancellationToken))
        {
            top.Add(new(reader.GetString(0), reader.GetString(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4), reader.GetInt64(5)));
        }

        var hourly = hours.Select(h => new HourlySpeed(h.Hour, h.SpeedSum / h.Readings, h.Readings)).ToList();
        return new CityTrends(from, to, roadId, hourly, WeekHourPatterns(hours, cityTime), top);
    }

    private static List<WeekHourPattern> WeekHourPatterns(List<(DateTimeOffset Hour, long Readings, double SpeedSum, long Congested)> hours, TimeZoneInfo cityTime) =>
        hours
            .GroupBy(h =>
            {
                var local = TimeZoneInfo.ConvertTime(h.Hour, cityTime);
                return (Weekday: local.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)local.DayOfWeek, local.Hour);
            })
            .OrderBy(g => g.Key.Weekday).ThenBy(g => g.Key.Hour)
            .Select(g =>
            {
                var readings = g.Sum(h => h.Readings);
                return new WeekHourPattern(g.Key.Weekday, g.Key.Hour, g.Sum(h => h.SpeedSum) / readings, (double)g.Sum(h => h.Congested) / readings, readings);
            })
            .ToList();

    // $1 from, $2 to, $3 road (null: every road), $4 the number of top roads.
    private static NpgsqlBatchCommand Command(string sql, DateTimeOffset from, DateTimeOffset to, string? roadId, int? limit = null)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddWithValue(from);
        command.Parameters.AddWithValue(to);
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = roadId, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        if (limit is not null) command.Parameters.AddWithValue(limit.Value);
        return command;
    }
}
