using Npgsql;

namespace TrafficOrleans.Storage.Postgres;

/// <summary>How far the stored history reaches: the newest <c>traffic_data</c> tick and how many roads it holds.</summary>
public sealed class HistoryExtent(NpgsqlDataSource dataSource)
{
    // ix_traffic_data_timestamp answers max() with one backward index step per partition.
    private const string LatestSql = """
        SELECT l.ts, (SELECT count(*) FROM traffic_data t WHERE t."timestamp" = l.ts)
        FROM (SELECT max("timestamp") AS ts FROM traffic_data) l
        WHERE l.ts IS NOT NULL
        """;

    /// <summary>The newest reading time and the number of roads read at that instant; null when the table is empty.</summary>
    public async Task<LatestTick?> LatestAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(LatestSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Row(reader) : null;
    }

    /// <summary>Synchronous <see cref="LatestAsync"/>, for a service factory at start-up.</summary>
    public LatestTick? Latest()
    {
        using var command = dataSource.CreateCommand(LatestSql);
        using var reader = command.ExecuteReader();
        return reader.Read() ? Row(reader) : null;
    }

    private static LatestTick Row(NpgsqlDataReader reader) => new(new DateTimeOffset(reader.GetDateTime(0), TimeSpan.Zero), reader.GetInt64(1));
}
