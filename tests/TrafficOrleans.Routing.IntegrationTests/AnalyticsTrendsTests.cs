using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace TrafficOrleans.Routing.IntegrationTests;

/// <summary>
/// <c>GET /analytics/trends</c> in the product's shape, from the hourly rollups the trigger keeps as readings are
/// inserted, and the per-road hourly series; bad parameters are 400 problem details.
/// </summary>
[Collection(RoutingApiCollection.Name)]
public sealed class AnalyticsTrendsTests(RoutingApiFixture fixture)
{
    // A Monday, 01:00 UTC = 08:00 in Hanoi; nothing else in the test database is this old.
    private const string From = "2024-03-04T01:00:00Z";
    private const string To = "2024-03-04T03:00:00Z";

    [Fact]
    public async Task City_trends_have_hourly_speeds_weekday_hour_patterns_in_city_time_and_the_most_congested_roads()
    {
        await SeedAsync();

        using var document = await fixture.GetJsonAsync($"/analytics/trends?from={From}&to={To}&limit=1");
        var root = document.RootElement;

        var hourly = root.GetProperty("hourly_avg_speed").EnumerateArray().ToList();
        Assert.Equal(2, hourly.Count);
        Assert.Equal(70.0 / 3, hourly[0].GetProperty("speed").GetDouble(), 6);
        Assert.Equal(40, hourly[1].GetProperty("speed").GetDouble(), 6);

        var patterns = root.GetProperty("rush_hour_patterns").EnumerateArray().ToList();
        var eight = patterns.Single(p => p.GetProperty("hour").GetInt32() == 8);
        Assert.Equal(1, eight.GetProperty("weekday").GetInt32());
        Assert.Equal(2.0 / 3, eight.GetProperty("congested_share").GetDouble(), 6);
        Assert.Equal(0, patterns.Single(p => p.GetProperty("hour").GetInt32() == 9).GetProperty("congested_share").GetDouble());

        var top = Assert.Single(root.GetProperty("top_congested_roads").EnumerateArray());
        Assert.Equal("trend_a", top.GetProperty("road_id").GetString());
        Assert.Equal("Pho Kim Ma", top.GetProperty("road_name").GetString());
        Assert.Equal(20, top.GetProperty("avg_speed").GetDouble(), 6);
        Assert.Equal(2.0 / 3, top.GetProperty("congested_share").GetDouble(), 6);
    }

    [Fact]
    public async Task A_road_filter_narrows_every_part_and_the_per_road_hourly_series_stays_available()
    {
        await SeedAsync();

        using var document = await fixture.GetJsonAsync($"/analytics/trends?road_id=trend_b&from={From}&to={To}");
        Assert.Equal([40.0, 50.0], document.RootElement.GetProperty("hourly_avg_speed").EnumerateArray().Select(h => h.GetProperty("speed").GetDouble()));
        Assert.Equal("trend_b", Assert.Single(document.RootElement.GetProperty("top_congested_roads").EnumerateArray()).GetProperty("road_id").GetString());

        using var response = await fixture.Http.GetAsync("/analytics/roads/trend_b/hourly?hours=24");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_period_of_several_days_adds_whole_days_and_the_partial_days_at_its_ends_exactly_once()
    {
        // Partial day before, a whole day, partial day after, and one reading just past the end.
        await fixture.Database.ScalarAsync<int>("SELECT traffic_ensure_partitions('traffic_data', '2024-03-10'::date, '2024-03-12'::date)");
        await fixture.Database.ScalarAsync<int>(
            """
            INSERT INTO traffic_data (road_id, "timestamp", speed, free_flow_speed, jam_factor, congestion_level, speed_ratio, is_rush_hour, event_id, road_name)
            VALUES ('trend_c', '2024-03-10T22:05Z', 10, 50, 8, 'heavy', 0.2, false, gen_random_uuid(), 'Duong Giai Phong'),
                   ('trend_c', '2024-03-11T12:00Z', 20, 50, 6, 'heavy', 0.4, false, gen_random_uuid(), 'Duong Giai Phong'),
                   ('trend_c', '2024-03-12T03:05Z', 60, 50, 0, 'free', 1.0, false, gen_random_uuid(), 'Duong Giai Phong'),
                   ('trend_c', '2024-03-12T05:00Z', 100, 50, 0, 'free', 1.0, false, gen_random_uuid(), 'Duong Giai Phong')
            ON CONFLICT DO NOTHING
            """);

        using var document = await fixture.GetJsonAsync("/analytics/trends?from=2024-03-10T21:00:00Z&to=2024-03-12T04:00:00Z");
        Assert.Equal([10.0, 20.0, 60.0], document.RootElement.GetProperty("hourly_avg_speed").EnumerateArray().Select(h => h.GetProperty("speed").GetDouble()));
        var top = Assert.Single(document.RootElement.GetProperty("top_congested_roads").EnumerateArray());
        Assert.Equal("trend_c", top.GetProperty("road_id").GetString());
        Assert.Equal(30, top.GetProperty("avg_speed").GetDouble(), 6);
        Assert.Equal(2.0 / 3, top.GetProperty("congested_share").GetDouble(), 6);
        Assert.Equal(14.0 / 3, top.GetProperty("avg_jam_factor").GetDouble(), 6);
    }

    [Theory]
    [InlineData("/analytics/trends?from=2024-03-04T03:00:00Z&to=2024-03-04T01:00:00Z")]
    [InlineData("/analytics/trends?limit=0")]
    [InlineData("/analytics/trends?limit=1000")]
    [InlineData("/analytics/trends?from=2024-01-01T00:00:00Z&to=2024-12-31T00:00:00Z")]
    [InlineData("/analytics/trends?from=yesterday")]
    [InlineData("/analytics/roads/trend_b/hourly?hours=0")]
    public async Task Bad_parameters_are_400_problem_details(string url)
    {
        using var response = await fixture.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Idempotent: the rows are unique on (road, time) and the rollup counts only rows really inserted.</summary>
    private async Task SeedAsync()
    {
        await fixture.Database.ScalarAsync<int>("SELECT traffic_ensure_partitions('traffic_data', '2024-03-04'::date, '2024-03-05'::date)");
        await fixture.Database.ScalarAsync<int>(
            """
            INSERT INTO traffic_data (road_id, "timestamp", speed, free_flow_speed, jam_factor, congestion_level, speed_ratio, is_rush_hour, event_id, road_name)
            VALUES ('trend_a', '2024-03-04T01:05Z', 10, 50, 8, 'heavy', 0.2, true, gen_random_uuid(), 'Pho Kim Ma'),
                   ('trend_a', '2024-03-04T01:10Z', 20, 50, 7, 'heavy', 0.4, true, gen_random_uuid(), 'Pho Kim Ma'),
                   ('trend_a', '2024-03-04T02:05Z', 30, 50, 2, 'free', 0.6, true, gen_random_uuid(), 'Pho Kim Ma'),
                   ('trend_b', '2024-03-04T01:05Z', 40, 50, 1, 'free', 0.8, true, gen_random_uuid(), 'Duong Lang'),
                   ('trend_b', '2024-03-04T02:05Z', 50, 50, 0, 'free', 1.0, true, gen_random_uuid(), 'Duong Lang')
            ON CONFLICT DO NOTHING
            """);
    }
}
