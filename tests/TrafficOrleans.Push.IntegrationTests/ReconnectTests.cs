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

    // A row as the notification rules store it (the push channels read the table, they never write it).
    private async Task StoreAsync(Guid eventId, string roadId, DateTimeOffset timestamp, string? payloadExtras = null)
    {
        // The payload (when given) is the row's own columns plus the extras, as the rules store an alert.
        await using var command = fixture.Servers.DataSource.CreateCommand(
            """
            INSERT INTO notifications (event_id, alert_type, road_id, severity, message, "timestamp", payload)
            SELECT $1, 'heavy_congestion', $2, 'warning', 'Heavy traffic', $3,
                   jsonb_build_object('event_id', $1, 'timestamp', $3, 'alert_type', 'heavy_congestion', 'road_id', $2,
                       'severity', 'warning', 'message', 'Heavy traffic') || $4::jsonb
            """);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = eventId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = roadId });
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = timestamp.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)payloadExtras ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync();
    }
}
