using TrafficOrleans.Roads;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrafficOrleans.Push.Alerts;
using TrafficOrleans.Push.Subscriptions;
using TrafficOrleans.Push.Updates;

namespace TrafficOrleans.Push.Delivery;

/// <summary>
/// The push clients connected to this silo and the in-memory spatial filter that decides what each receives. The
/// bridges call the <c>Publish…</c> methods from their consumer threads; those only filter and enqueue. The filter
/// tests only the candidates a grid-cell index (<see cref="SubscriptionIndex{T}"/>) gives for a road, not every
/// connection.
/// </summary>
public sealed class PushConnections
{
    private readonly ConcurrentDictionary<string, PushConnection> _connections = new(StringComparer.Ordinal);
    private readonly SubscriptionIndex<PushConnection> _index = new();
    private readonly WriterPump _pump = new();
    private readonly RoadAtlas _roads;
    private readonly PushOptions _options;
    private readonly PushMetrics _metrics;
    private readonly ILogger<PushConnection> _logger;

    /// <summary>Creates the registry and its gauges.</summary>
    public PushConnections(RoadAtlas roads, IOptions<PushOptions> options, PushMetrics metrics, ILogger<PushConnection> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        _roads = roads;
        _options = options.Value;
        _metrics = metrics;
        _logger = logger;
        metrics.Meter.CreateObservableGauge("push.connections", () => _connections.Count, "{connection}", "Push clients connected to this silo.");
        metrics.Meter.CreateObservableGauge("push.alerts.backlog", () => _connections.Values.Sum(c => c.AlertBacklog), "{message}", "Alerts queued for clients and not yet written.");
    }

    /// <summary>Connections open now.</summary>
    public int Count => _connections.Count;

    /// <summary>The largest alert backlog of any connection (how far the slowest client is behind).</summary>
    public int LargestAlertBacklog => _connections.Values.Select(c => c.AlertBacklog).DefaultIfEmpty(0).Max();

    /// <summary>Registers a client; it receives everything until it subscribes.</summary>
    public PushConnection Open(string id, IPushSink sink, PushSubscription? subscription = null)
    {
        var connection = new PushConnection(id, sink, _pump, _options, _metrics, _logger) { Subscription = subscription ?? PushSubscription.Everything };
        _connections[id] = connection;
        _index.Update(connection, null, connection.Subscription);
        return connection;
    }

    /// <summary>Removes a client and stops its writer.</summary>
    public async Task CloseAsync(string id)
    {
        if (!_connections.TryRemove(id, out var connection)) return;
        _index.Update(connection, connection.Subscription, null);
        await connection.DisposeAsync();
    }

    /// <summary>Changes a client's subscription; returns the new one (null when the client is gone).</summary>
    public PushSubscription? Resubscribe(string id, Func<PushSubscription, PushSubscription> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!_connections.TryGetValue(id, out var connection)) return null;
        // Only the client's own hub calls change it, and SignalR runs one call of a connection at a time.
        var previous = connection.Subscription;
        var current = change(previous);
        _index.Update(connection, previous, current);
        connection.Subscription = current;
        return current;
    }

    /// <summary>The subscription of a client (null when the client is gone).</summary>
    public PushSubscription? SubscriptionOf(string id) => _connections.TryGetValue(id, out var connection) ? connection.Subscription : null;

    /// <summary>Whether the client's subscription covers a road.</summary>
    public bool Covers(PushSubscription subscription, string roadId)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return subscription.Matches(roadId, _roads.Find(roadId)?.Box);
    }

    /// <summary>
    /// Queues each alert for every client whose subscription covers its road, then starts each of those clients' writers
    /// once: a client's alerts of one batch are written back to back and leave together.
    /// </summary>
    public void PublishAlerts(IReadOnlyList<PushAlert> alerts)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        var touched = new HashSet<PushConnection>(ReferenceEqualityComparer.Instance);
        var candidates = new HashSet<PushConnection>(ReferenceEqualityComparer.Instance);
        foreach (var alert in alerts)
        {
            var extent = _roads.Find(alert.RoadId)?.Box;
            candidates.Clear();
            _index.AddUnfiltered(candidates);
            _index.AddCandidates(alert.RoadId, extent, candidates);
            foreach (var connection in candidates)
            {
                if (!connection.Subscription.Matches(alert.RoadId, extent)) continue;
                connection.EnqueueAlert(alert, schedule: false);
                touched.Add(connection);
            }
        }

        foreach (var connection in touched) connection.Schedule();
    }

    /// <summary>Queues, per client, ONE trafficUpdated with the changed roads it subscribed to (none: no message).</summary>
    public void PublishTraffic(IReadOnlyList<TrafficUpdate> changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        if (changed.Count == 0) return;
        // One message for every unfiltered connection, so its frame is serialised once, not per connection.
        var everything = new PushMessage(PushMethods.TrafficUpdated, changed);
        var mine = new Dictionary<PushConnection, List<TrafficUpdate>>(ReferenceEqualityComparer.Instance);
        var candidates = new HashSet<PushConnection>(ReferenceEqualityComparer.Instance);
        foreach (var update in changed)
        {
            var extent = _roads.Find(update.RoadId)?.Box;
            candidates.Clear();
            _index.AddCandidates(update.RoadId, extent, candidates);
            foreach (var connection in candidates)
            {
                var subscription = connection.Subscription;
                if (!connection.WantsUpdates || !subscription.Matches(update.RoadId, extent)) continue;
                if (!mine.TryGetValue(connection, out var roads)) mine[connection] = roads = [];
                roads.Add(update);
            }
        }

        var unfiltered = new List<PushConnection>();
        _index.AddUnfiltered(unfiltered);
        foreach (var connection in unfiltered)
        {
            if (connection.WantsUpdates) connection.EnqueueUpdate(everything);
        }

        foreach (var (connection, roads) in mine) connection.EnqueueUpdate(new PushMessage(PushMethods.TrafficUpdated, roads));
    }

    /// <summary>Queues a route-updates event for every client (it concerns the whole graph, not a road).</summary>
    public void PublishGraph(object graphUpdated)
    {
        var message = new PushMessage(PushMethods.GraphUpdated, graphUpdated);
        foreach (var connection in _connections.Values)
        {
            if (connection.WantsUpdates) connection.EnqueueUpdate(message);
        }
    }
}
