using TrafficOrleans.Push.Alerts;

namespace TrafficOrleans.Push.Delivery;

/// <summary>How one kind of connection (SignalR, raw WebSocket) writes a message; called by one writer at a time.</summary>
public interface IPushSink
{
    /// <summary>False for connections that take alerts only (the raw WebSocket).</summary>
    bool WantsUpdates { get; }

    /// <summary>Writes an alert.</summary>
    ValueTask SendAlertAsync(PushAlert alert, CancellationToken cancellationToken);

    /// <summary>Writes a <c>trafficUpdated</c> or <c>graphUpdated</c> message.</summary>
    ValueTask SendAsync(PushMessage message, CancellationToken cancellationToken);

    /// <summary>Closes the connection at once (the client is too slow to keep).</summary>
    void Abort();
}
