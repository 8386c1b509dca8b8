using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace TrafficOrleans.Push.Hubs;

/// <summary>
/// SignalR's default in-process lifetime manager for <see cref="TrafficHub"/>, which also hands out each connection's
/// <see cref="HubConnectionContext"/>: the only public way to write a pre-serialised frame
/// (<see cref="SerializedHubMessage"/>) to one connection. SignalR registers the connection here before the hub's
/// <c>OnConnectedAsync</c> runs.
/// </summary>
public sealed class TrafficHubLifetimeManager(ILogger<DefaultHubLifetimeManager<TrafficHub>> logger) : DefaultHubLifetimeManager<TrafficHub>(logger)
{
    private readonly ConcurrentDictionary<string, HubConnectionContext> _contexts = new(StringComparer.Ordinal);

    /// <summary>The open connection <paramref name="connectionId"/>.</summary>
    public HubConnectionContext Context(string connectionId) =>
        _contexts.TryGetValue(connectionId, out var context) ? context : throw new InvalidOperationException($"SignalR connection {connectionId} is not open.");

    /// <inheritdoc />
    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _contexts[connection.ConnectionId] = connection;
        await base.OnConnectedAsync(connection);
    }

    /// <inheritdoc />
    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _contexts.TryRemove(connection.ConnectionId, out _);
        await base.OnDisconnectedAsync(connection);
    }
}
