using Npgsql;

namespace TrafficOrleans.Api.Analytics;

/// <summary>Hourly averages of one road's <c>traffic_data</c> (served by the (road_id, timestamp) unique index).</summary>
public static class TrafficTrendQuery
{
    private const string Sql =
        """
        SELECT date_trunc('hour', "timestamp" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS hour,
               avg(speed), avg(speed_ratio), avg(jam_factor), mode() WITHIN GROUP (ORDER BY congestion_level), count(*)
        FROM traffic_data
        WHERE road_id = $1 AND "timestamp" >= $2 AND "timestamp" < $3
        GROUP BY 1
        ORDER BY 1
        """;

    /// <summary>Hourly trend of a road for readings in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static async Task<IReadOnlyList<TrafficTrend>> RunAsync(
        NpgsqlDataSource dataSource, string roadId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var command = dataSource.CreateCommand(Sql);
        command.Parameters.AddWithValue(roadId);
        command.Parameters.AddWithValue(from);
        command.Parameters.AddWithValue(to);
        var result = new List<TrafficTrend>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(new TrafficTrend(
                reader.GetFieldValue<DateTimeOffset>(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetString(4), reader.GetInt64(5)));
        }

        return result;
    }
}
