using TrafficOrleans.Roads;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using TrafficOrleans.Push.Delivery;
using TrafficOrleans.Push.Subscriptions;

namespace TrafficOrleans.Push.WebSockets;

/// <summary>
/// <c>/ws/notifications</c> for clients without SignalR: every alert as the topic's JSON, one text frame each;
/// <c>?bbox=south,west,north,east</c> limits them to roads in that rectangle. The server sends only; the connection
/// ends when the client closes it.
/// </summary>
public static class NotificationSocketEndpoint
{
    /// <summary>The request path.</summary>
    public const string Path = "/ws/notifications";

    /// <summary>Accepts the WebSocket and serves it until the client leaves.</summary>
    public static async Task<IResult> HandleAsync(HttpContext context, PushConnections connections)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.WebSockets.IsWebSocketRequest) return TypedResults.Problem("Connect with a WebSocket.", statusCode: StatusCodes.Status400BadRequest);
        var subscription = PushSubscription.Everything;
        if (context.Request.Query.TryGetValue("bbox", out var bbox))
        {
            if (!GeoBox.TryParse(bbox, out var area))
            {
                return TypedResults.Problem("bbox must be south,west,north,east in degrees with south ≤ north and west ≤ east.", statusCode: StatusCodes.Status400BadRequest);
            }

            subscription = subscription.WithArea(area);
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var id = $"ws-{context.TraceIdentifier}";
        connections.Open(id, new WebSocketSink(socket), subscription);
        bool closedByClient;
        try
        {
            closedByClient = await ReadUntilClosedAsync(socket, context.RequestAborted);
        }
        finally
        {
            // Stops the writer first: a WebSocket allows one send at a time, and the close below is a send.
            await connections.CloseAsync(id);
        }

        if (closedByClient) await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        return TypedResults.Empty;
    }

    // The client sends nothing we use; reading is how a close (or a dead peer) is noticed. True: the client sent Close.
    private static async Task<bool> ReadUntilClosedAsync(WebSocket socket, CancellationToken aborted)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var frame = await socket.ReceiveAsync(buffer, aborted);
                if (frame.MessageType == WebSocketMessageType.Close) return true;
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The client went away.
        }

        return false;
    }
}
