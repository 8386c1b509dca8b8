using Npgsql;

namespace TrafficOrleans.Api.Analytics;

/// <summary>
/// City-wide (or one road's) trends from the rollups a trigger keeps as readings arrive (migrations 0010 and 0012), never
/// from <c>traffic_data</c>. City-wide, the hourly series reads <c>traffic_city_hourly</c> (168 rows a week) and the
/// weekday × hour patterns are folded from it here in the city's time zone; the congested-roads ranking reads
/// <c>traffic_road_daily</c> for the whole UTC days of the period and <c>traffic_hourly</c> only for the partial days at
/// its ends (a week of 772 roads: ~5,400 + at most ~35,000 rows instead of 130,000). One road reads its own
/// <c>traffic_hourly</c> rows.
/// </summary>
public static class CityTrendsQuery
{
    private const string HourlyCity = "SELECT hour, readings, speed_sum, congested FROM traffic_city_hourly WHERE hour >= $1 AND hour < $2 ORDER BY hour";
    private const string HourlyRoad = "SELECT hour, readings::bigint, speed_sum, congested::bigint FROM traffic_hourly WHERE road_id = $3 AND hour >= $1 AND hour < $2 ORDER BY hour";

    // $5/$6: the whole UTC days inside [$1, $2) (equal when there are none); the hours outside them come from traffic_hourly.
    // Names come from each top road's latest reading (the unique (road_id, timestamp) index), for the few roads listed.
    private const string TopTemplate =
        """
        SELECT t.road_id, coalesce(n.road_name, t.road_id), t.speed, t.congested, t.jam, t.readings
        FROM (
            SELECT road_id, sum(speed_sum) / sum(readings) AS speed, sum(congested)::float8 / sum(readings) AS congested,
                   sum(jam_sum) / sum(readings) AS jam, sum(readings) AS readings
            FROM (
                SELECT road_id, readings, speed_sum, jam_sum, congested FROM traffic_road_daily
                WHERE ROAD_FILTER day >= $5 AND day < $6
                UNION ALL
                SELECT road_id, readings, speed_sum, jam_sum, congested FROM traffic_hourly
                WHERE ROAD_FILTER ((hour >= $1 AND hour < $5) OR (hour >= $6 AND hour < $2))
            ) parts
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

    // Two texts rather than "$3 IS NULL OR road_id = $3", which keeps PostgreSQL from using the key indexes.
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

    // $1 from, $2 to, $3 road (null: every road), $4 the number of top roads, $5/$6 the whole UTC days of the period.
    private static NpgsqlBatchCommand Command(string sql, DateTimeOffset from, DateTimeOffset to, string? roadId, int? limit = null)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddWithValue(from);
        command.Parameters.AddWithValue(to);
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = roadId, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        if (limit is null) return command;
        command.Parameters.AddWithValue(limit.Value);
        var (firstDay, endDay) = WholeDays(from, to);
        command.Parameters.AddWithValue(firstDay);
        command.Parameters.AddWithValue(endDay);
        return command;
    }

    /// <summary>The UTC midnights bounding the whole days inside [from, to); both <paramref name="to"/> when there is none.</summary>
    internal static (DateTimeOffset FirstDay, DateTimeOffset EndDay) WholeDays(DateTimeOffset from, DateTimeOffset to)
    {
        var utcFrom = from.ToUniversalTime();
        var firstDay = new DateTimeOffset(utcFrom.Date, TimeSpan.Zero);
        if (firstDay < utcFrom) firstDay = firstDay.AddDays(1);
        var endDay = new DateTimeOffset(to.ToUniversalTime().Date, TimeSpan.Zero);
        return firstDay < endDay ? (firstDay, endDay) : (to, to);
    }
}
