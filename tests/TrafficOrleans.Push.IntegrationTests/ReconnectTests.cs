using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;

namespace TrafficOrleans.Push.IntegrationTests;

[Collection(PushCollection.Name)]
public sealed class ReconnectTests(PushFixture fixture)
{
    [Fact]
    public async Task A_reconnecting_client_gets_the_alerts_it_missed_on_its_roads()
    {
        var (south, north) = fixture.TwoDistantRoads();
        await using var client = await PushClient.ConnectAsync(fixture.Host);
        await client.Connection.InvokeAsync("SubscribeRoads", new[] { south.Id });
        var live = Guid.NewGuid();
        var liveTime = DateTimeOffset.UtcNow.AddSeconds(-30);
        await StoreAsync(live, south.Id, liveTime);
        await Alerts.ProduceAsync(fixture.Producer, south.Id, Alerts.Json(live, south.Id, liveTime));
        await client.WaitForAsync(live, "the live alert before the disconnect");
        var lastSeen = DateTimeOffset.Parse(PushClient.Text(client.Alerts.Last(), "timestamp"), System.Globalization.CultureInfo.InvariantCulture);

        await client.Connection.StopAsync();
        var missed = Guid.NewGuid();
        await StoreAsync(missed, south.Id, liveTime.AddSeconds(5), """{"road_name": "Pho Kim Ma", "affected_routes": []}""");
        await StoreAsync(Guid.NewGuid(), north.Id, liveTime.AddSeconds(6));

        // Subscriptions do not survive a reconnect: the client subscribes again, then asks for what it missed.
        await client.Connection.StartAsync();
        await client.Connection.InvokeAsync("SubscribeRoads", new[] { south.Id });
        var since = await client.Connection.InvokeAsync<List<Dictionary<string, JsonElement>>>("GetAlertsSince", lastSeen);

        Assert.Equal([missed.ToString()], since.Select(alert => alert["event_id"].GetString()));
        Assert.Equal(south.Id, since[0]["road_id"].GetString());
        // The stored alert comes back whole, not just the table's columns.
        Assert.Equal("Pho Kim Ma", since[0]["road_name"].GetString());
    }

    [Fact]
    public async Task Catching_up_page_by_page_misses_no_alert_of_a_tick_larger_than_a_page()
    {
        // A tick's alerts share its timestamp; an hour ahead keeps other tests' alerts out of these pages.
        var roads = fixture.Roads.Roads.Take(PushHost.AlertsSinceLimit + 2).Select(road => road.RoadId).ToArray();
        var start = DateTimeOffset.UtcNow.AddHours(1);
        var stored = new List<Guid>();
        foreach (var road in roads) stored.Add(await StoreNewAsync(road, start.AddMinutes(5)));
        foreach (var road in roads.Take(2)) stored.Add(await StoreNewAsync(road, start.AddMinutes(10)));
        await using var client = await PushClient.ConnectAsync(fixture.Host);
        await client.Connection.InvokeAsync("SubscribeRoads", roads);

        var pages = await CatchUpAsync(client, start);

        Assert.Equal(roads.Length, pages[0].Count);
        Assert.Equal(stored.Select(id => id.ToString()).Order(), pages.SelectMany(page => page).Order());
        Assert.Empty(pages[^1]);
    }

    [Fact]
    public async Task A_client_subscribed_to_one_road_gets_its_alert_behind_a_full_page_of_other_roads()
    {
        var roads = fixture.Roads.Roads.Skip(10).Take(PushHost.AlertsSinceLimit + 2).Select(road => road.RoadId).ToArray();
        var start = DateTimeOffset.UtcNow.AddHours(2);
        foreach (var road in roads.Skip(1)) await StoreNewAsync(road, start.AddMinutes(5));
        var wanted = await StoreNewAsync(roads[0], start.AddMinutes(10));
        await using var client = await PushClient.ConnectAsync(fixture.Host);
        await client.Connection.InvokeAsync("SubscribeRoads", new[] { roads[0] });

        var pages = await CatchUpAsync(client, start);

        Assert.Equal([wanted.ToString()], pages.SelectMany(page => page));
    }

    [Fact]
    public async Task The_catch_up_reaches_back_by_when_alerts_were_stored_not_by_their_traffic_clock_timestamp()
    {
        // A simulator or replay stamps alerts on a traffic clock far from wall time; a client that reconnects after a
        // few seconds must still get what was stored meanwhile, and nothing stored longer ago than the reach.
        var road = fixture.Roads.Roads.Skip(40).First().RoadId;
        var trafficTime = DateTimeOffset.UtcNow.AddDays(-30);
        var storedNow = await StoreNewAsync(road, trafficTime.AddMinutes(5));
        var storedLongAgo = Guid.NewGuid();
        await StoreAsync(storedLongAgo, road, trafficTime.AddMinutes(10), storedAgo: TimeSpan.FromHours(3));
        await using var client = await PushClient.ConnectAsync(fixture.Host);
        await client.Connection.InvokeAsync("SubscribeRoads", new[] { road });

        var caughtUp = (await CatchUpAsync(client, trafficTime)).SelectMany(page => page).ToList();

        Assert.Contains(storedNow.ToString(), caughtUp);
        Assert.DoesNotContain(storedLongAgo.ToString(), caughtUp);
    }

    // Pages as a client asks for them: from the last timestamp received until a page comes back empty.
    private static async Task<List<List<string>>> CatchUpAsync(PushClient client, DateTimeOffset since)
    {
        var pages = new List<List<string>>();
        for (var call = 0; call < 10; call++)
        {
            var page = await client.Connection.InvokeAsync<List<Dictionary<string, JsonElement>>>("GetAlertsSince", since);
            pages.Add([.. page.Select(alert => alert["event_id"].GetString()!)]);
            if (page.Count == 0) return pages;
            since = page[^1]["timestamp"].GetDateTimeOffset();
        }

        throw new InvalidOperationException("catch-up did not end after 10 pages");
    }

    private async Task<Guid> StoreNewAsync(string roadId, DateTimeOffset timestamp)
    {
        var id = Guid.NewGuid();
        await StoreAsync(id, roadId, timestamp);
        return id;
    }

    // A row as the notification rules store it (the push channels read the table, they never write it).
    private async Task StoreAsync(Guid eventId, string roadId, DateTimeOffset timestamp, string? payloadExtras = null, TimeSpan storedAgo = default)
    {
        // The payload (when given) is the row's own columns plus the extras, as the rules store an alert.
        await using var command = fixture.Servers.DataSource.CreateCommand(
            """
            INSERT INTO notifications (event_id, alert_type, road_id, severity, message, "timestamp", payload, stored_at)
            SELECT $1, 'heavy_congestion', $2, 'warning', 'Heavy traffic', $3,
                   jsonb_build_object('event_id', $1, 'timestamp', $3, 'alert_type', 'heavy_congestion', 'road_id', $2,
                       'severity', 'warning', 'message', 'Heavy traffic') || $4::jsonb,
                   now() - $5
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = eventId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = roadId });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = timestamp.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)payloadExtras ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = storedAgo });
        await command.ExecuteNonQueryAsync();
    }
}
