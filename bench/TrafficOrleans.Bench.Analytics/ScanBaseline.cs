using Npgsql;

namespace TrafficOrleans.Bench.Analytics;

/// <summary>The same three answers as the rollup query, computed by scanning <c>traffic_data</c>: what a request would cost without rollups.</summary>
public static class ScanBaseline
{
    private static readonly string[] Sql =
    [
        """
        SELECT date_trunc('hour', "timestamp"), avg(speed), count(*) FROM traffic_data WHERE "timestamp" >= $1 AND "timestamp" < $2 GROUP BY 1 ORDER BY 1
        """,
        """
        SELECT extract(isodow FROM "timestamp" AT TIME ZONE 'Asia/Ho_Chi_Minh'), extract(hour FROM "timestamp" AT TIME ZONE 'Asia/Ho_Chi_Minh'),
               avg(speed), avg((congestion_level IN ('heavy', 'severe'))::int), count(*)
        FROM traffic_data WHERE "timestamp" >= $1 AND "timestamp" < $2 GROUP BY 1, 2
        """,
        """
        SELECT road_id, avg(speed), avg((congestion_level IN ('heavy', 'severe'))::int) AS c, avg(jam_factor) AS j
        FROM traffic_data WHERE "timestamp" >= $1 AND "timestamp" < $2 GROUP BY 1 ORDER BY c DESC, j DESC LIMIT 10
        """,
    ];

    /// <summary>Runs the scan and reads every row of its three results.</summary>
    public static async Task<int> RunAsync(NpgsqlDataSource dataSource, DateTimeOffset from, DateTimeOffset to)
    {
        await using var batch = dataSource.CreateBatch();
        foreach (var sql in Sql)
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.AddWithValue(from);
            command.Parameters.AddWithValue(to);
            batch.BatchCommands.Add(command);
        }

        await using var reader = await batch.ExecuteReaderAsync();
        var rows = 0;
        do
        {
            while (await reader.ReadAsync()) rows++;
        }
        while (await reader.NextResultAsync());
        return rows;
    }
}
