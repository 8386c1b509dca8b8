namespace TrafficOrleans.Push.Delivery;

/// <summary>A <c>trafficUpdated</c> or <c>graphUpdated</c> message waiting in a connection's buffer.</summary>
public sealed record QueuedUpdate(string Method, object Payload);
