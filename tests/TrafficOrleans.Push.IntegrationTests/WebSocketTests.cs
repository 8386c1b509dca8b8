using System.Net.WebSockets;
using System.Text;

namespace TrafficOrleans.Push.IntegrationTests;

[Collection(PushCollection.Name)]
public sealed class WebSocketTests(PushFixture fixture)
{
    [Fact]
    public async Task A_raw_websocket_receives_the_topics_json_for_roads_in_its_bbox()
    {
        var (south, north) = fixture.TwoDistantRoads();
        using var socket = new ClientWebSocket();
        var box = south.Box;
        var bbox = FormattableString.Invariant($"{box.South},{box.West},{box.North},{box.East}");
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{fixture.Host.Port}/ws/notifications?bbox={bbox}"), CancellationToken.None);
        using var timeout = new CancellationTokenSource(Alerts.Deadline);
        var received = ReceiveAsync(socket, timeout.Token);

        // Pairs of (outside, inside) on one partition until a frame arrives (the socket may register after the first
        // pair): the first frame must be an inside alert, byte for byte; with a broken filter it would be an outside one.
        var insides = new List<string>();
        while (!received.IsCompleted && !timeout.IsCancellationRequested)
        {
            var inside = Alerts.Json(Guid.NewGuid(), south.Id);
            insides.Add(inside);
            await Alerts.ProduceAsync(fixture.Producer, north.Id, Alerts.Json(Guid.NewGuid(), north.Id));
            await Alerts.ProduceAsync(fixture.Producer, south.Id, inside);
            await Task.WhenAny(received, Task.Delay(500));
        }

        var (type, text) = await received;
        Assert.Equal(WebSocketMessageType.Text, type);
        Assert.Contains(text, insides);
    }

    [Fact]
    public async Task A_malformed_bbox_is_refused_with_400()
    {
        using var socket = new ClientWebSocket();
        var refused = await Assert.ThrowsAsync<WebSocketException>(() =>
            socket.ConnectAsync(new Uri($"ws://127.0.0.1:{fixture.Host.Port}/ws/notifications?bbox=22,105,21"), CancellationToken.None));
        Assert.Contains("400", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<(WebSocketMessageType Type, string Text)> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult frame;
        do
        {
            frame = await socket.ReceiveAsync(buffer, cancellationToken);
            message.Write(buffer, 0, frame.Count);
        }
        while (!frame.EndOfMessage);
        return (frame.MessageType, Encoding.UTF8.GetString(message.ToArray()));
    }
}
