using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using TrafficOrleans.Api.Traffic;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.IntegrationTests.Infrastructure;
using TrafficOrleans.Storage.Redis;

namespace TrafficOrleans.Routing.IntegrationTests;

/// <summary>
/// The real host on a Redis of the test's own, which the test kills: reads that do not need Redis keep answering
/// from PostgreSQL or without the route cache, and once the circuit is open no request goes to Redis at all (so
/// none can wait on a Redis timeout).
/// </summary>
public sealed class RedisOutageTests : IAsyncLifetime
{
    // Properties rather than fields: the test's lifetime (IAsyncLifetime) owns them, not a Dispose method.
    private ServersFixture Servers { get; } = new();

    private PrivateRedisServer OwnRedis { get; set; } = null!;

    private RoutingHost Host { get; set; } = null!;

    private HttpClient Http { get; set; } = null!;

    public async Task InitializeAsync()
    {
        await Servers.InitializeAsync();
        OwnRedis = await PrivateRedisServer.StartAsync();
        Host = new RoutingHost(Servers, $"redis-out-{Guid.NewGuid():N}"[..20], settings: RoutingHost.SyntheticCity(
            ("ConnectionStrings:Redis", OwnRedis.ConnectionString),
            // Long enough that no half-open probe falls inside the test: every Redis call after the first failure is skipped.
            ("Redis:BreakerOpenFor", "00:05:00")));
        Http = Host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        await OwnRedis.DisposeAsync();
        await Servers.DisposeAsync();
    }

    [Fact]
    public async Task Reads_answer_from_PostgreSQL_and_without_the_route_cache_while_Redis_is_stopped()
    {
        var now = DateTimeOffset.UtcNow;
        var cached = Reading("outage_road_a", now, 31);
        Assert.True(await Host.Services.GetRequiredService<RoadCache>().SetCurrentAndPredictedAsync(cached, Prediction(cached)));
        await InsertReadingAsync(Reading("outage_road_a", now.AddMinutes(-1), 11));
        await InsertReadingAsync(Reading("outage_road_b", now.AddMinutes(-1), 22));

        var before = await GetCurrentAsync();
        Assert.Equal(CurrentTrafficSource.Redis, before.Source);
        Assert.Equal(31, before.Speeds["outage_road_a"]);
        await RouteRequests.RecommendOkAsync(Http, RoutingHost.SouthWest, RoutingHost.NorthEast);

        OwnRedis.Stop();

        var after = await GetCurrentAsync();
        Assert.Equal(CurrentTrafficSource.Postgres, after.Source);
        Assert.Equal(11, after.Speeds["outage_road_a"]);
        Assert.Equal(22, after.Speeds["outage_road_b"]);
        var breaker = Host.Services.GetRequiredService<RedisCircuitBreaker>();
        Assert.Equal(RedisBreakerState.Open, breaker.State);

        var meters = Host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var skipped = new MetricCollector<long>(meters, RedisCircuitBreaker.MeterName, "traffic.redis.calls.skipped");
        using var failed = new MetricCollector<long>(meters, RedisCircuitBreaker.MeterName, "traffic.redis.calls.failed");
        for (var i = 0; i < 3; i++)
        {
            var current = await GetCurrentAsync();
            Assert.Equal(CurrentTrafficSource.Postgres, current.Source);
            await RouteRequests.RecommendOkAsync(Http, RoutingHost.SouthWest, RoutingHost.NorthEast);
            using var oneRoad = await Http.GetAsync("/traffic/current/outage_road_b");
            Assert.Equal(HttpStatusCode.OK, oneRoad.StatusCode);
            Assert.Equal(CurrentTrafficSource.Postgres, oneRoad.Headers.GetValues(CurrentTrafficSource.HeaderName).Single());
        }

        // Every request skipped Redis (list, one road, route cache get and set) and none made a call that could time out.
        var skippedByOperation = skipped.GetMeasurementSnapshot().GroupBy(m => (string)m.Tags["operation"]!).ToDictionary(g => g.Key, g => g.Sum(m => m.Value));
        Assert.Equal(3, skippedByOperation.GetValueOrDefault("road-current-list"));
        Assert.Equal(3, skippedByOperation.GetValueOrDefault("road-current-get"));
        Assert.Equal(3, skippedByOperation.GetValueOrDefault("route-cache-get"));
        Assert.Equal(3, skippedByOperation.GetValueOrDefault("route-cache-set"));
        Assert.Empty(failed.GetMeasurementSnapshot());
        Assert.Equal(RedisBreakerState.Open, breaker.State);
    }

    private async Task<(string Source, Dictionary<string, double> Speeds)> GetCurrentAsync()
    {
        using var response = await Http.GetAsync("/traffic/current");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        var roads = JsonSerializer.Deserialize<List<JsonElement>>(body)!;
        return (response.Headers.GetValues(CurrentTrafficSource.HeaderName).Single(),
            roads.ToDictionary(r => r.GetProperty("road_id").GetString()!, r => r.GetProperty("current_speed").GetDouble()));
    }

    private async Task InsertReadingAsync(TrafficReading reading)
    {
        var day = DateOnly.FromDateTime(reading.Timestamp.UtcDateTime);
        await Servers.ScalarAsync<int>("SELECT traffic_ensure_partitions('traffic_data', $1, $1)", day);
        await Servers.ScalarAsync<int>(
            """
            INSERT INTO traffic_data (road_id, "timestamp", speed, free_flow_speed, jam_factor, congestion_level, speed_ratio, is_rush_hour, event_id, road_name)
            VALUES ($1, $2, $3, 50, 3, 'moderate', 0.5, false, $4, $5)
            """,
            reading.RoadId, reading.Timestamp.UtcDateTime, reading.CurrentSpeed, reading.EventId, reading.RoadName);
    }

    private static TrafficReading Reading(string roadId, DateTimeOffset timestamp, double speed) =>
        new(Guid.NewGuid(), timestamp, roadId, $"Road {roadId}", speed, 50, 3, CongestionLevel.Moderate, speed / 50, false, new Coordinates(21.03, 105.85));

    private static RoadPrediction Prediction(TrafficReading reading) =>
        new(Guid.NewGuid(), reading.Timestamp, reading.RoadId, reading.CurrentSpeed, reading.CurrentSpeed, reading.CurrentSpeed, reading.CurrentSpeed, 0.9, "test");
}
