using Npgsql;
using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Storage.Postgres;

/// <summary>Reads a road's history back from PostgreSQL.</summary>
public sealed class TrafficHistory(NpgsqlDataSource dataSource)
{
    private const string AppliedAfter = $"""
        SELECT {TrafficReadingColumns.Select}, count(*) OVER ()
        FROM traffic_data t
        JOIN predictions p ON p.road_id = t.road_id AND p."timestamp" = t."timestamp"
        WHERE t.road_id = $1 AND t."timestamp" > $2
        ORDER BY t."timestamp" DESC
        LIMIT $3
        """;

    /// <summary>
    /// The readings of a road that its grain applied after <paramref name="after"/> — those with a prediction
    /// row, which the grain writes together with the reading — newest <paramref name="limit"/> returned oldest
    /// first, plus how many there are in all. Readings ingested but not yet applied have no prediction and are
    /// not returned, so a grain never mistakes the future for its past.
    /// </summary>
    public async Task<(IReadOnlyList<TrafficReading> Readings, long Total)> AppliedReadingsAfterAsync(
        string roadId, DateTimeOffset? after, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(AppliedAfter);
        command.Parameters.AddWithValue(roadId);
        command.Parameters.AddWithValue((after ?? DateTimeOffset.UnixEpoch).UtcDateTime);
        command.Parameters.AddWithValue(limit);
        var readings = new List<TrafficReading>(limit);
        long total = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            readings.Add(TrafficReadingColumns.Read(reader));
            total = reader.GetInt64(TrafficReadingColumns.Count);
        }

        readings.Reverse();
        return (readings, total);
    }
}
