using System.Net.WebSockets;
using TrafficOrleans.Push.Alerts;
using TrafficOrleans.Push.Delivery;

namespace TrafficOrleans.Push.WebSockets;

/// <summary>Writes alerts to a raw WebSocket: the topic's JSON, one text frame per alert.</summary>
public sealed class WebSocketSink(WebSocket socket) : IPushSink
{
    /// <inheritdoc />
    public bool WantsUpdates => false;

    /// <inheritdoc />
    public ValueTask SendAlertAsync(PushAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return socket.SendAsync(alert.Json, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask SendAsync(PushMessage message, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    /// <inheritdoc />
    public void Abort() => socket.Abort();
}
