using Microsoft.AspNetCore.SignalR;
using TrafficOrleans.Push.Alerts;
using TrafficOrleans.Push.Delivery;

namespace TrafficOrleans.Push.Hubs;

/// <summary>
/// Writes to one SignalR connection directly (not through <c>IHubContext</c>, which would serialise every message again
/// for each connection): the shared, once-serialised frame of the <see cref="PushMessage"/>.
/// </summary>
public sealed class HubConnectionSink(HubConnectionContext connection) : IPushSink
{
    /// <inheritdoc />
    public bool WantsUpdates => true;

    /// <inheritdoc />
    public ValueTask SendAlertAsync(PushAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return SendAsync(alert.Message, cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask SendAsync(PushMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return connection.WriteAsync(message.Frame, cancellationToken);
    }

    /// <inheritdoc />
    public void Abort() => connection.Abort();
}
