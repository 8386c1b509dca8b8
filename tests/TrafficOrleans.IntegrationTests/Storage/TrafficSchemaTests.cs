using Npgsql;
using TrafficOrleans.IntegrationTests.Infrastructure;

namespace TrafficOrleans.IntegrationTests.Storage;

/// <summary>The product schema on the real PostgreSQL: daily partitions, uniqueness, retention by partition drop.</summary>
[Collection(ServersCollection.Name)]
public sealed class TrafficSchemaTests(ServersFixture database)
{
    private const string Insert = """
        INSERT INTO traffic_data (road_id, "timestamp", speed, free_flow_speed, jam_factor, congestion_level, speed_ratio, is_rush_hour, event_id)
        VALUES ($1, $2, 30, 50, 3, 'moderate', 0.6, false, gen_random_uuid())
        ON CONFLICT (road_id, "timestamp") DO NOTHING
        """;

    [Fact]
    public async Task Readings_go_to_daily_partitions_once_per_road_and_time()
    {
        var at = new DateTimeOffset(2024, 3, 10, 23, 55, 0, TimeSpan.Zero);
        var created = await database.ScalarAsync<int>("SELECT traffic_ensure_partitions('traffic_data', $1::date, $2::date)", at.UtcDateTime.Date, at.UtcDateTime.Date.AddDays(1));
        Assert.Equal(2, created);
        Assert.Equal(0, await database.ScalarAsync<int>("SELECT traffic_ensure_partitions('traffic_data', $1::date, $1::date)", at.UtcDateTime.Date));

        Assert.Equal(1, await ExecuteAsync(Insert, "road-a", at));
        Assert.Equal(0, await ExecuteAsync(Insert, "road-a", at));
        Assert.Equal(1, await ExecuteAsync(Insert, "road-a", at.AddMinutes(5)));

        var partition = await database.ScalarAsync<string>(
            "SELECT tableoid::regclass::text FROM traffic_data WHERE road_id = 'road-a' AND \"timestamp\" = $1", at.AddMinutes(5));
        Assert.Equal("traffic_data_20240311", partition);
    }

    [Fact]
    public async Task Writing_outside_any_partition_fails_loudly_instead_of_losing_the_row()
    {
        var ex = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(Insert, "road-b", new DateTimeOffset(1999, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(PostgresErrorCodes.CheckViolation, ex.SqlState);
    }

    [Fact]
    public async Task Retention_drops_whole_old_partitions()
    {
        var day = new DateTime(2023, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        await database.ScalarAsync<int>("SELECT traffic_ensure_partitions('predictions', $1::date, $2::date)", day, day.AddDays(2));

        var dropped = await database.ScalarAsync<int>("SELECT traffic_drop_partitions_before('predictions', $1::date)", day.AddDays(2));

        Assert.Equal(2, dropped);
        Assert.Null(await database.ScalarAsync<string>("SELECT to_regclass('predictions_20230601')::text"));
        Assert.Equal("predictions_20230603", await database.ScalarAsync<string>("SELECT to_regclass('predictions_20230603')::text"));
    }

    private async Task<int> ExecuteAsync(string sql, params object[] parameters)
    {
        await using var command = database.DataSource.CreateCommand(sql);
        foreach (var parameter in parameters) command.Parameters.AddWithValue(parameter);
        return await command.ExecuteNonQueryAsync();
    }
}
