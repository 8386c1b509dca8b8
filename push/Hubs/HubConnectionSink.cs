using Microsoft.AspNetCore.SignalR;
using TrafficOrleans.Push.Alerts;
using TrafficOrleans.Push.Delivery;

namespace TrafficOrleans.Push.Hubs;

/// <summary>Writes to one SignalR connection through the hub context (the hub instance itself lives for one call).</summary>
public sealed class HubConnectionSink(IHubContext<TrafficHub> hubContext, HubCallerContext caller) : IPushSink
{
    /// <inheritdoc />
    public bool WantsUpdates => true;

    /// <inheritdoc />
    public Task SendAlertAsync(PushAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return hubContext.Clients.Client(caller.ConnectionId).SendAsync(PushMethods.Alert, alert.Document, cancellationToken);
    }

    /// <inheritdoc />
    public Task SendAsync(string method, object payload, CancellationToken cancellationToken) =>
        hubContext.Clients.Client(caller.ConnectionId).SendAsync(method, payload, cancellationToken);

    /// <inheritdoc />
    public void Abort() => caller.Abort();
}
