using TrafficOrleans.Push.Delivery;

namespace TrafficOrleans.Push.Alerts;

/// <summary>
/// An alert as it arrived on <c>traffic-notifications</c>. Only the fields the push filter needs are read; the rest of
/// the document travels untouched, so whatever the notification rules put in the message reaches clients as is.
/// </summary>
/// <param name="RoadId">The alerted road (what subscriptions are matched against).</param>
/// <param name="Timestamp">The alert's <c>timestamp</c>.</param>
/// <param name="Severity">The alert's <c>severity</c>, for logs and metrics.</param>
/// <param name="Json">The message value, byte for byte (the raw WebSocket frame).</param>
/// <param name="Document">The same document as a tree of dictionaries, lists and scalars (what the hub protocols serialise).</param>
public sealed record PushAlert(string RoadId, DateTimeOffset Timestamp, string Severity, ReadOnlyMemory<byte> Json, IReadOnlyDictionary<string, object?> Document)
{
    /// <summary>The hub's <c>alert</c> message, serialised once for all the connections it goes to.</summary>
    public PushMessage Message { get; } = new(PushMethods.Alert, Document);
}
