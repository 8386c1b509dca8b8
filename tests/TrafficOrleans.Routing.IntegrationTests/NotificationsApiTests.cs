using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TrafficOrleans.Roads;

namespace TrafficOrleans.Routing.IntegrationTests;

/// <summary>
/// <c>GET /notifications</c>: the alert history as published (the stored payload), newest first, filtered, paged by
/// cursor without repeats or gaps; bad parameters are 400 problem details.
/// </summary>
[Collection(RoutingApiCollection.Name)]
public sealed class NotificationsApiTests(RoutingApiFixture fixture)
{
    // A window no other test writes alerts into.
    private const string Window = "from=2024-05-01T00:00:00Z&to=2024-05-02T00:00:00Z";
    private static readonly DateTimeOffset Start = new(2024, 5, 1, 6, 0, 0, TimeSpan.Zero);

    private RoadAtlas Atlas => fixture.Host.Services.GetRequiredService<RoadAtlas>();

    [Fact]
    public async Task History_is_newest_first_with_the_published_payload_and_filters()
    {
        var (south, north) = await SeedAsync();

        var all = await ItemsAsync($"/notifications?{Window}");
        Assert.Equal(6, all.Count);
        var times = all.Select(item => item.GetProperty("timestamp").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
        // The stored payload comes back whole; a row from before the payload column has its columns.
        Assert.Contains(all, item => item.TryGetProperty("road_name", out var name) && name.GetString() == south.RoadName);
        Assert.Contains(all, item => !item.TryGetProperty("road_name", out _) && item.GetProperty("message").GetString() == "old row");

        Assert.All(await ItemsAsync($"/notifications?{Window}&alert_type=cleared"), item => Assert.Equal("cleared", item.GetProperty("alert_type").GetString()));
        Assert.All(await ItemsAsync($"/notifications?{Window}&severity=critical"), item => Assert.Equal("critical", item.GetProperty("severity").GetString()));
        Assert.All(await ItemsAsync($"/notifications?{Window}&road_id={north.RoadId}"), item => Assert.Equal(north.RoadId, item.GetProperty("road_id").GetString()));
        var inBox = await ItemsAsync($"/notifications?{Window}&bbox={Box(south.Box)}");
        Assert.NotEmpty(inBox);
        Assert.All(inBox, item => Assert.Equal(south.RoadId, item.GetProperty("road_id").GetString()));
    }

    [Fact]
    public async Task A_cursor_pages_through_everything_once()
    {
        await SeedAsync();
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            using var document = await fixture.GetJsonAsync($"/notifications?{Window}&limit=4" + (cursor is null ? "" : $"&cursor={cursor}"));
            var items = document.RootElement.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(items.Count, 1, 4);
            seen.AddRange(items.Select(item => item.GetProperty("event_id").GetString()!));
            cursor = document.RootElement.GetProperty("next_cursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(6, seen.Count);
        Assert.Equal(6, seen.Distinct().Count());
    }

    [Theory]
    [InlineData("/notifications?limit=0")]
    [InlineData("/notifications?limit=501")]
    [InlineData("/notifications?alert_type=traffic_jam")]
    [InlineData("/notifications?severity=high")]
    [InlineData("/notifications?cursor=not-a-cursor")]
    [InlineData("/notifications?bbox=1,2,3")]
    [InlineData("/notifications?from=2024-05-02T00:00:00Z&to=2024-05-01T00:00:00Z")]
    public async Task Bad_parameters_are_400_problem_details(string url)
    {
        using var response = await fixture.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task<List<JsonElement>> ItemsAsync(string url)
    {
        using var document = await fixture.GetJsonAsync(url);
        return [.. document.RootElement.GetProperty("items").EnumerateArray().Select(item => item.Clone())];
    }

    private static string Box(GeoBox box) => string.Create(CultureInfo.InvariantCulture, $"{box.South},{box.West},{box.North},{box.East}");

    /// <summary>
    /// Five alerts with payloads (three on the southern road, two on the northern) and one old row without; fixed
    /// event ids, so seeding twice adds nothing.
    /// </summary>
    private async Task<(AtlasRoad South, AtlasRoad North)> SeedAsync()
    {
        var south = Atlas.Roads.MinBy(road => road.Box.North)!;
        var north = Atlas.Roads.MaxBy(road => road.Box.South)!;
        (AtlasRoad Road, string Type, string Severity)[] alerts =
        [
            (south, "heavy_congestion", "warning"), (north, "sudden_jam", "critical"), (south, "severe_traffic", "critical"),
            (north, "cleared", "info"), (south, "cleared", "info"),
        ];
        for (var i = 0; i < alerts.Length; i++)
        {
            var (road, type, severity) = alerts[i];
            var time = Start.AddMinutes(10 * i);
            var payload = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["event_id"] = EventId(i), ["timestamp"] = time, ["alert_type"] = type, ["road_id"] = road.RoadId, ["road_name"] = road.RoadName,
                ["severity"] = severity, ["message"] = $"{type} on {road.RoadName}", ["affected_routes"] = Array.Empty<object>(),
            });
            await InsertAsync(EventId(i), type, road.RoadId, severity, $"{type} on {road.RoadName}", time, payload);
        }

        await InsertAsync(EventId(9), "heavy_congestion", north.RoadId, "warning", "old row", Start.AddMinutes(-5), null);
        return (south, north);
    }

    private static Guid EventId(int i) => Guid.Parse($"00000000-0000-4000-8000-0000000000{i:D2}");

    private async Task InsertAsync(Guid eventId, string type, string roadId, string severity, string message, DateTimeOffset time, string? payload)
    {
        await using var command = fixture.Database.DataSource.CreateCommand(
            """
            INSERT INTO notifications (event_id, alert_type, road_id, severity, message, "timestamp", payload)
            VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) ON CONFLICT (event_id) DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = eventId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = type });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = roadId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = severity });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = message });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = time.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)payload ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync();
    }
}
