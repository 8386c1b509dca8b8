using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TrafficOrleans.GrainInterfaces.Grains;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.IntegrationTests.Infrastructure;
using TrafficOrleans.Storage.Redis;

namespace TrafficOrleans.IntegrationTests.Slice;

/// <summary>
/// The walking skeleton: a reading reaches its RoadGrain, is persisted in grain state (PostgreSQL),
/// lands in Redis <c>road:{id}:current</c>, and <c>GET /traffic/current</c> serves it.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class RoadSliceTests(ServersFixture database)
{
    private static TrafficReading Reading(string roadId, DateTimeOffset at, double speed) => new(
        Guid.NewGuid(), at, roadId, "Kim Ma", speed, 50, 6.5, CongestionLevel.Heavy, speed / 50, true, new Coordinates(21.0313, 105.8235));

    [Fact]
    public async Task Reading_flows_from_grain_to_redis_to_http()
    {
        await using var host = new SiloHost(database, $"slice-{Guid.NewGuid():N}"[..18]);
        using var http = host.CreateClient();
        var roadId = $"hanoi_rd_{Guid.NewGuid():N}"[..20];
        var reading = Reading(roadId, DateTimeOffset.UtcNow.AddSeconds(-5), 21.34);

        var applied = await host.Services.GetRequiredService<IGrainFactory>().GetGrain<IRoadGrain>(roadId).RecordReadingAsync(reading);

        Assert.True(applied);
        var ttl = await database.RedisConnection.GetDatabase().KeyTimeToLiveAsync(RedisKeys.RoadCurrent(roadId));
        Assert.NotNull(ttl);
        Assert.InRange(ttl.Value, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));

        using var one = JsonDocument.Parse(await http.GetStringAsync($"/traffic/current/{roadId}"));
        Assert.Equal(roadId, one.RootElement.GetProperty("road_id").GetString());
        Assert.Equal("Kim Ma", one.RootElement.GetProperty("road_name").GetString());
        Assert.Equal(21.3, one.RootElement.GetProperty("current_speed").GetDouble());
        Assert.Equal(6.5, one.RootElement.GetProperty("jam_factor").GetDouble());
        Assert.Equal("heavy", one.RootElement.GetProperty("congestion_level").GetString());
        Assert.Equal(reading.Timestamp.ToUnixTimeMilliseconds(), one.RootElement.GetProperty("last_updated").GetDateTimeOffset().ToUnixTimeMilliseconds());

        var all = await http.GetFromJsonAsync<JsonElement>("/traffic/current");
        Assert.Contains(all.EnumerateArray(), road => road.GetProperty("road_id").GetString() == roadId);
    }

    [Fact]
    public async Task Unknown_road_is_a_problem_details_404()
    {
        await using var host = new SiloHost(database, $"slice-{Guid.NewGuid():N}"[..18]);
        using var http = host.CreateClient();

        using var response = await http.GetAsync("/traffic/current/hanoi_rd_does_not_exist");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Grain_state_survives_a_silo_restart()
    {
        var serviceId = $"restart-{Guid.NewGuid():N}"[..20];
        var roadId = $"hanoi_rd_{Guid.NewGuid():N}"[..20];
        var first = Reading(roadId, DateTimeOffset.UtcNow.AddMinutes(-10), 30);
        var second = Reading(roadId, DateTimeOffset.UtcNow.AddMinutes(-5), 25);

        await using (var host = new SiloHost(database, serviceId))
        {
            var grain = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IRoadGrain>(roadId);
            Assert.True(await grain.RecordReadingAsync(first));
            Assert.True(await grain.RecordReadingAsync(second));
        }

        var rows = await database.ScalarAsync<long>(
            "SELECT count(*) FROM orleans_grain_state WHERE service_id = $1 AND grain_id_extension LIKE '%' || $2 || '%' AND payload IS NOT NULL", serviceId, roadId);
        Assert.Equal(1, rows);

        await using (var restarted = new SiloHost(database, serviceId))
        {
            var grain = restarted.Services.GetRequiredService<IGrainFactory>().GetGrain<IRoadGrain>(roadId);
            var recent = await grain.GetRecentReadingsAsync();

            Assert.Equal([first.EventId, second.EventId], recent.Select(r => r.EventId));
            Assert.Equal(25, recent[^1].CurrentSpeed);
            Assert.False(await grain.RecordReadingAsync(second), "a redelivered reading must be recognised after the restart");
        }
    }

    [Fact]
    public async Task A_burst_of_readings_saves_the_state_once_and_a_restart_still_has_every_reading()
    {
        var serviceId = $"burst-{Guid.NewGuid():N}"[..20];
        var roadId = $"hanoi_rd_{Guid.NewGuid():N}"[..20];
        var start = DateTimeOffset.UtcNow.AddHours(-3);
        var readings = Enumerable.Range(0, 30).Select(i => Reading(roadId, start.AddMinutes(5 * i), 20 + i)).ToList();
        const string SavedStates = "SELECT count(*) FROM orleans_grain_state WHERE service_id = $1 AND grain_id_extension LIKE '%' || $2 || '%' AND payload IS NOT NULL";

        await using (var host = new SiloHost(database, serviceId))
        {
            var grain = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IRoadGrain>(roadId);
            foreach (var reading in readings) Assert.True(await grain.RecordReadingAsync(reading));

            // 30 readings within the first minute of the activation: more than SaveEvery twice over, yet no state write.
            Assert.Equal(0, await database.ScalarAsync<long>(SavedStates, serviceId, roadId));
        }

        Assert.Equal(1, await database.ScalarAsync<long>(SavedStates, serviceId, roadId));
        await using (var restarted = new SiloHost(database, serviceId))
        {
            var grain = restarted.Services.GetRequiredService<IGrainFactory>().GetGrain<IRoadGrain>(roadId);

            Assert.Equal(readings.TakeLast(12).Select(r => r.EventId), (await grain.GetRecentReadingsAsync()).Select(r => r.EventId));
            Assert.Equal(30, (await grain.GetActivityAsync()).AppliedReadings);
            Assert.False(await grain.RecordReadingAsync(readings[^1]), "a redelivered reading must be recognised after the restart");
        }
    }
}
