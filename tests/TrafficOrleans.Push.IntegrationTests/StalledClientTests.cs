using System.Net.WebSockets;
using TrafficOrleans.IntegrationTests.Infrastructure;

namespace TrafficOrleans.Push.IntegrationTests;

[Collection(PushCollection.Name)]
public sealed class StalledClientTests(PushFixture fixture)
{
    // 2,500 alerts of ~8 KB: about 20 MB, more than the socket buffers of a client that never reads can absorb.
    private const int AlertCount = 2_500;
    private const int Padding = 8_000;

    [Fact]
    public async Task A_client_that_stops_reading_does_not_delay_the_others()
    {
        var (south, _) = fixture.TwoDistantRoads();
        using var stalled = new ClientWebSocket();
        await stalled.ConnectAsync(new Uri($"ws://127.0.0.1:{fixture.Host.Port}/ws/notifications"), CancellationToken.None);
        await using var healthy = await PushClient.ConnectAsync(fixture.Host);

        var ids = Enumerable.Range(0, AlertCount).Select(_ => Guid.NewGuid()).ToArray();
        foreach (var id in ids) fixture.Producer.Produce(Alerts.Notifications, new Confluent.Kafka.Message<string, string> { Key = south.Id, Value = Alerts.Json(id, south.Id, padding: Padding) });
        fixture.Producer.Flush(Alerts.Deadline);

        await Eventually.WaitForAsync(() => Task.FromResult(healthy.EventIds.ToHashSet()), got => ids.All(id => got.Contains(id.ToString())),
            TimeSpan.FromMinutes(3), "the reading client to receive every alert");
        // The stalled client really is behind (its alerts wait in its own queue), so the test measured what it claims.
        Assert.True(fixture.Connections.LargestAlertBacklog > 0, "the stalled socket had no alert waiting: it absorbed everything, so nothing was stalled");
        stalled.Abort();
    }
}
