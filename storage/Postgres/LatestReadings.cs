using Npgsql;
using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Storage.Postgres;

/// <summary>
/// Current traffic from <c>traffic_data</c>: the latest reading per road. The API's answer when Redis is down or
/// misses; slower than the hot keys but the same data, since every reading is written here first.
/// </summary>
public sealed class LatestReadings(NpgsqlDataSource dataSource)
{
    private const string OfAllRoads = $"""
        SELECT * FROM (
            SELECT DISTINCT ON (t.road_id) {TrafficReadingColumns.Select}
            FROM traffic_data t
            WHERE t."timestamp" >= $1
            ORDER BY t.road_id, t."timestamp" DESC) latest
        ORDER BY 2 DESC
        LIMIT $2
        """;

    private const string OfOneRoad = $"""
        SELECT {TrafficReadingColumns.Select}
        FROM traffic_data t
        WHERE t.road_id = $1 AND t."timestamp" >= $2
        ORDER BY t."timestamp" DESC
        LIMIT 1
        """;

    /// <summary>The latest reading of every road with one since <paramref name="since"/>, newest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<TrafficReading>> OfAllRoadsAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(OfAllRoads);
        command.Parameters.AddWithValue(since.UtcDateTime);
        command.Parameters.AddWithValue(limit);
        return await ReadAllAsync(command, cancellationToken);
    }

    /// <summary>The latest reading of a road since <paramref name="since"/>, or null.</summary>
    public async Task<TrafficReading?> OfRoadAsync(string roadId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(OfOneRoad);
        command.Parameters.AddWithValue(roadId);
        command.Parameters.AddWithValue(since.UtcDateTime);
        var readings = await ReadAllAsync(command, cancellationToken);
        return readings.Count == 0 ? null : readings[0];
    }

    private static async Task<IReadOnlyList<TrafficReading>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var readings = new List<TrafficReading>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) readings.Add(TrafficReadingColumns.Read(reader));
        return readings;
    }
}
