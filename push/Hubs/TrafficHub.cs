using TrafficOrleans.Roads;
using Microsoft.AspNetCore.SignalR;
using TrafficOrleans.Push.Alerts;
using TrafficOrleans.Push.Delivery;
using TrafficOrleans.Push.Subscriptions;

namespace TrafficOrleans.Push.Hubs;

/// <summary>
/// The live-traffic hub at <c>/hubs/traffic</c> (JSON and MessagePack). Server-to-client: <c>alert</c>,
/// <c>trafficUpdated</c>, <c>graphUpdated</c> (<see cref="PushMethods"/>), written by the connection's own queue
/// (<see cref="PushConnection"/>). A connection without a subscription receives every road; subscriptions are
/// per connection and not kept across a reconnect — a client re-subscribes in its reconnected handler and asks
/// <see cref="GetAlertsSince"/> for what it missed.
/// </summary>
public sealed class TrafficHub(PushConnections connections, AlertHistory history, TrafficHubLifetimeManager lifetime) : Hub
{
    /// <summary>Most road ids one connection may subscribe to.</summary>
    public const int MaxRoads = 10_000;

    /// <inheritdoc />
    public override Task OnConnectedAsync()
    {
        connections.Open(Context.ConnectionId, new HubConnectionSink(lifetime.Context(Context.ConnectionId)));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task OnDisconnectedAsync(Exception? exception) => connections.CloseAsync(Context.ConnectionId);

    /// <summary>Adds an area (degrees): the connection then receives only roads in its areas or road list.</summary>
    public void SubscribeArea(double south, double west, double north, double east) =>
        connections.Resubscribe(Context.ConnectionId, s => s.WithArea(Area(south, west, north, east)));

    /// <summary>Removes an area given with exactly the same corners.</summary>
    public void UnsubscribeArea(double south, double west, double north, double east) =>
        connections.Resubscribe(Context.ConnectionId, s => s.WithoutArea(new GeoBox(south, west, north, east)));

    /// <summary>Adds roads by id.</summary>
    public void SubscribeRoads(string[] roadIds)
    {
        ArgumentNullException.ThrowIfNull(roadIds);
        connections.Resubscribe(Context.ConnectionId, s =>
            s.Roads.Count + roadIds.Length > MaxRoads ? throw new HubException($"At most {MaxRoads} roads per connection.") : s.WithRoads(roadIds));
    }

    /// <summary>Removes roads by id.</summary>
    public void UnsubscribeRoads(string[] roadIds)
    {
        ArgumentNullException.ThrowIfNull(roadIds);
        connections.Resubscribe(Context.ConnectionId, s => s.WithoutRoads(roadIds));
    }

    /// <summary>Removes every area and road: the connection receives everything again.</summary>
    public void UnsubscribeAll() => connections.Resubscribe(Context.ConnectionId, _ => PushSubscription.Everything);

    /// <summary>
    /// The stored alerts with a timestamp after <paramref name="since"/> on the connection's subscribed roads, oldest
    /// first, reaching back at most <c>Push:AlertsSinceMaxAge</c> (2 h): a page of about <c>Push:AlertsSinceLimit</c>
    /// (500) that always ends with every alert of its last timestamp. While a page holds at least that many, call it
    /// again with the last timestamp received; a shorter page is the last.
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, object?>>> GetAlertsSince(DateTimeOffset since)
    {
        var subscription = connections.SubscriptionOf(Context.ConnectionId) ?? PushSubscription.Everything;
        return await history.SinceAsync(since, roadId => connections.Covers(subscription, roadId), Context.ConnectionAborted);
    }

    private static GeoBox Area(double south, double west, double north, double east)
    {
        var area = new GeoBox(south, west, north, east);
        return area.IsValid ? area : throw new HubException("An area needs south ≤ north in [-90, 90] and west ≤ east in [-180, 180].");
    }
}
