using Microsoft.AspNetCore.SignalR.Client;

namespace TrafficOrleans.Push.IntegrationTests;

[Collection(PushCollection.Name)]
public sealed class AreaSubscriptionTests(PushFixture fixture)
{
    [Fact]
    public async Task Clients_subscribed_to_different_areas_receive_only_the_alerts_of_their_area()
    {
        var (south, north) = fixture.TwoDistantRoads();
        Assert.False(south.Box.Intersects(north.Box));
        await using var southClient = await PushClient.ConnectAsync(fixture.Host);
        await using var northClient = await PushClient.ConnectAsync(fixture.Host, messagePack: true);
        await southClient.Connection.InvokeAsync("SubscribeArea", south.Box.South, south.Box.West, south.Box.North, south.Box.East);
        await northClient.Connection.InvokeAsync("SubscribeArea", north.Box.South, north.Box.West, north.Box.North, north.Box.East);

        Guid[] southIds = [Guid.NewGuid(), Guid.NewGuid()];
        Guid[] northIds = [Guid.NewGuid(), Guid.NewGuid()];
        // Interleaved on one partition: each client's last alert comes after every alert it must not see.
        for (var i = 0; i < 2; i++)
        {
            await Alerts.ProduceAsync(fixture.Producer, south.Id, Alerts.Json(southIds[i], south.Id));
            await Alerts.ProduceAsync(fixture.Producer, north.Id, Alerts.Json(northIds[i], north.Id));
        }

        await southClient.WaitForAsync(southIds[1], "the south client's second alert");
        await northClient.WaitForAsync(northIds[1], "the north client's second alert");
        var ours = southIds.Concat(northIds).Select(id => id.ToString()).ToHashSet();
        Assert.Equal(southIds.Select(id => id.ToString()), southClient.EventIds.Where(ours.Contains));
        Assert.Equal(northIds.Select(id => id.ToString()), northClient.EventIds.Where(ours.Contains));

        // Fields the push channels do not read arrive unchanged, over JSON and over MessagePack.
        foreach (var alert in southClient.Alerts.Concat(northClient.Alerts).Where(a => ours.Contains(PushClient.Text(a, "event_id"))))
        {
            Assert.Equal("Pho Tran Phu", PushClient.Text(alert, "road_name"));
            Assert.Contains("r1", PushClient.Text(alert, "affected_routes"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_client_that_unsubscribes_receives_every_road_again()
    {
        var (south, north) = fixture.TwoDistantRoads();
        await using var client = await PushClient.ConnectAsync(fixture.Host);
        await client.Connection.InvokeAsync("SubscribeArea", south.Box.South, south.Box.West, south.Box.North, south.Box.East);
        var excluded = Guid.NewGuid();
        var fence = Guid.NewGuid();
        await Alerts.ProduceAsync(fixture.Producer, north.Id, Alerts.Json(excluded, north.Id));
        await Alerts.ProduceAsync(fixture.Producer, south.Id, Alerts.Json(fence, south.Id));
        await client.WaitForAsync(fence, "the alert in the subscribed area");
        Assert.DoesNotContain(excluded.ToString(), client.EventIds);

        await client.Connection.InvokeAsync("UnsubscribeAll");
        var everywhere = Guid.NewGuid();
        await Alerts.ProduceAsync(fixture.Producer, north.Id, Alerts.Json(everywhere, north.Id));
        await client.WaitForAsync(everywhere, "an alert outside the former area");
    }
}
