using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.Roads;
using TrafficOrleans.Storage.Redis;

namespace TrafficOrleans.Routing.IntegrationTests;

/// <summary>
/// <c>GET /roads</c>, <c>GET /roads/{id}</c> and <c>GET /traffic/current?bbox=</c> on the real host (synthetic 9×9 city),
/// with readings and predictions written where the pipeline writes them (PostgreSQL, the Redis hot keys).
/// </summary>
[Collection(RoutingApiCollection.Name)]
public sealed class RoadsApiTests(RoutingApiFixture fixture)
{
    // Far in the future, so this test's readings are the road's latest whatever other tests wrote.
    private static readonly DateTimeOffset T0 = new(2031, 1, 6, 8, 0, 0, TimeSpan.Zero);

    private RoadAtlas Atlas => fixture.Host.Services.GetRequiredService<RoadAtlas>();

    [Fact]
    public async Task Roads_lists_every_road_of_the_map_with_its_lines_and_a_bbox_narrows_it()
    {
        using var all = await fixture.GetJsonAsync("/roads");
        var roads = all.RootElement.EnumerateArray().ToList();
        Assert.Equal(Atlas.Roads.Count, roads.Count);
        Assert.All(roads, road =>
        {
            Assert.False(string.IsNullOrEmpty(road.GetProperty("road_name").GetString()));
            Assert.InRange(road.GetProperty("road_class").GetInt32(), 1, 5);
            Assert.True(road.GetProperty("free_flow_speed").GetDouble() > 0);
            Assert.All(road.GetProperty("lines").EnumerateArray(), line => Assert.True(line.GetArrayLength() >= 2));
        });

        var (south, north) = TwoDistantRoads();
        using var inBox = await fixture.GetJsonAsync($"/roads?bbox={Box(south.Box)}");
        var ids = inBox.RootElement.EnumerateArray().Select(road => road.GetProperty("road_id").GetString()).ToList();
        Assert.Contains(south.RoadId, ids);
        Assert.DoesNotContain(north.RoadId, ids);
        Assert.True(ids.Count < roads.Count);
    }

    [Fact]
    public async Task A_road_has_its_last_two_hours_its_latest_prediction_and_predictions_against_what_happened()
    {
        var road = Atlas.Roads[0];
        await SeedHistoryAsync(road.RoadId);

        using var document = await fixture.GetJsonAsync($"/roads/{road.RoadId}");
        var root = document.RootElement;
        Assert.Equal(road.RoadName, root.GetProperty("road_name").GetString());
        Assert.Equal(road.Lines.Count, root.GetProperty("lines").GetArrayLength());

        // 24 readings 5 minutes apart: the 2 hours up to the latest one hold them all.
        var history = root.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(24, history.Count);
        Assert.Equal(30 + 23, history[^1].GetProperty("speed").GetDouble());

        var prediction = root.GetProperty("prediction");
        Assert.Equal(T0.AddMinutes(5 * 23), prediction.GetProperty("timestamp").GetDateTimeOffset());
        Assert.Equal(30 + 23 + 10, prediction.GetProperty("predicted_speed_10min").GetDouble());

        // A forecast made at reading k for k + h/5 has an outcome when that reading exists: 22 + 20 + 18.
        var outcomes = root.GetProperty("predicted_vs_actual").EnumerateArray().ToList();
        Assert.Equal(60, outcomes.Count);
        var first = outcomes.First(o => o.GetProperty("horizon_minutes").GetInt32() == 20);
        Assert.Equal(T0.AddMinutes(20), first.GetProperty("target_time").GetDateTimeOffset());
        Assert.Equal(30 + 20, first.GetProperty("predicted_speed").GetDouble());
        Assert.Equal(30 + 4, first.GetProperty("actual_speed").GetDouble());
    }

    [Fact]
    public async Task An_unknown_road_is_a_404_problem()
    {
        using var response = await fixture.Http.GetAsync("/roads/no-such-road");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Current_traffic_in_a_bbox_holds_only_its_roads_with_their_forecasts()
    {
        var (south, north) = TwoDistantRoads();
        var cache = fixture.Host.Services.GetRequiredService<RoadCache>();
        var now = DateTimeOffset.UtcNow;
        foreach (var road in new[] { south, north })
        {
            var reading = new TrafficReading(Guid.NewGuid(), now, road.RoadId, road.RoadName, 21, road.FreeFlowSpeedKmh, 5, CongestionLevel.Moderate, 0.5, false);
            var prediction = new RoadPrediction(Guid.NewGuid(), now, road.RoadId, 21, 18, 15, 12, 0.8, "test-1");
            Assert.True(await cache.SetCurrentAndPredictedAsync(reading, prediction));
        }

        using var document = await fixture.GetJsonAsync($"/traffic/current?bbox={Box(south.Box)}");
        var roads = document.RootElement.EnumerateArray().ToList();
        var mine = Assert.Single(roads, road => road.GetProperty("road_id").GetString() == south.RoadId);
        Assert.Equal(18, mine.GetProperty("predicted_speed_10min").GetDouble());
        Assert.Equal(12, mine.GetProperty("predicted_speed_30min").GetDouble());
        Assert.DoesNotContain(roads, road => road.GetProperty("road_id").GetString() == north.RoadId);
    }

    [Theory]
    [InlineData("/roads?bbox=21,105")]
    [InlineData("/roads?bbox=22,105,21,106")]
    [InlineData("/roads?bbox=a,b,c,d")]
    [InlineData("/traffic/current?bbox=91,105,92,106")]
    public async Task A_bad_bbox_is_a_400_problem(string url)
    {
        using var response = await fixture.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("bbox", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private (AtlasRoad South, AtlasRoad North) TwoDistantRoads() =>
        (Atlas.Roads.MinBy(road => road.Box.North)!, Atlas.Roads.MaxBy(road => road.Box.South)!);

    private static string Box(GeoBox box) => string.Create(CultureInfo.InvariantCulture, $"{box.South},{box.West},{box.North},{box.East}");

    /// <summary>Readings k = 0…23 at speed 30 + k; at each, a prediction of 30 + k + h for h = 10/20/30. Idempotent.</summary>
    private async Task SeedHistoryAsync(string roadId)
    {
        await fixture.Database.ScalarAsync<int>($"SELECT traffic_ensure_partitions('traffic_data', '{T0:yyyy-MM-dd}'::date, '{T0:yyyy-MM-dd}'::date)");
        await fixture.Database.ScalarAsync<int>($"SELECT traffic_ensure_partitions('predictions', '{T0:yyyy-MM-dd}'::date, '{T0:yyyy-MM-dd}'::date)");
        await fixture.Database.ScalarAsync<int>(
            """
            INSERT INTO traffic_data (road_id, "timestamp", speed, free_flow_speed, jam_factor, congestion_level, speed_ratio, is_rush_hour, event_id, road_name)
            SELECT $1, $2::timestamptz + make_interval(mins => 5 * k), 30 + k, 50, 3, 'moderate', (30 + k) / 50.0, true, gen_random_uuid(), 'x'
            FROM generate_series(0, 23) k
            ON CONFLICT DO NOTHING
            """, roadId, T0);
        await fixture.Database.ScalarAsync<int>(
            """
            INSERT INTO predictions (road_id, "timestamp", current_speed, predicted_speed_10min, predicted_speed_20min, predicted_speed_30min, prediction_confidence, model_version, event_id)
            SELECT $1, $2::timestamptz + make_interval(mins => 5 * k), 30 + k, 40 + k, 50 + k, 60 + k, 0.9, 'test-1', gen_random_uuid()
            FROM generate_series(0, 23) k
            ON CONFLICT DO NOTHING
            """, roadId, T0);
    }
}
