using Npgsql;
using NpgsqlTypes;
using TrafficOrleans.Forecasting.Simulation;
using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Forecasting.IntegrationTests.Infrastructure;

/// <summary>Small synthetic history for training tests, and writing it into <c>traffic_data</c>.</summary>
public static class TrafficHistory
{
    /// <summary>End of the generated history (exclusive).</summary>
    public static readonly DateTimeOffset Start = new(2026, 10, 26, 17, 0, 0, TimeSpan.Zero);

    /// <summary>Readings of <paramref name="roads"/> synthetic roads over <paramref name="days"/> days from <see cref="Start"/>.</summary>
    public static List<TrafficReading> Generate(int roads = 8, int days = 4) =>
        SyntheticTraffic.Generate(roads, days, seed: 7, Start).Readings;

    /// <summary>Writes readings into <c>traffic_data</c> (creating the daily partitions) by binary COPY.</summary>
    public static async Task WriteAsync(NpgsqlDataSource dataSource, IReadOnlyList<TrafficReading> readings)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var partitions = new NpgsqlCommand("SELECT traffic_ensure_partitions('traffic_data', $1, $2)", connection))
        {
            partitions.Parameters.AddWithValue(DateOnly.FromDateTime(readings.Min(r => r.Timestamp).UtcDateTime));
            partitions.Parameters.AddWithValue(DateOnly.FromDateTime(readings.Max(r => r.Timestamp).UtcDateTime));
            await partitions.ExecuteNonQueryAsync();
        }

        await using var writer = await connection.BeginBinaryImportAsync(
            """COPY traffic_data (road_id, "timestamp", speed, free_flow_speed, jam_factor, congestion_level, speed_ratio, is_rush_hour, event_id) FROM STDIN (FORMAT BINARY)""");
        foreach (var r in readings)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(r.RoadId, NpgsqlDbType.Text);
            await writer.WriteAsync(r.Timestamp, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(r.CurrentSpeed, NpgsqlDbType.Double);
            await writer.WriteAsync(r.FreeFlowSpeed, NpgsqlDbType.Double);
            await writer.WriteAsync(r.JamFactor, NpgsqlDbType.Double);
            await writer.WriteAsync(r.CongestionLevel.ToString().ToLowerInvariant(), NpgsqlDbType.Text);
            await writer.WriteAsync(r.SpeedRatio, NpgsqlDbType.Double);
            await writer.WriteAsync(r.IsRushHour, NpgsqlDbType.Boolean);
            await writer.WriteAsync(r.EventId, NpgsqlDbType.Uuid);
        }

        await writer.CompleteAsync();
    }
}
