using TrafficOrleans.Push.Alerts;

namespace TrafficOrleans.Push.Delivery;

/// <summary>An alert waiting in a connection's queue, with when it was queued (a Stopwatch timestamp, for the queue-time histogram).</summary>
public readonly record struct QueuedAlert(PushAlert Alert, long QueuedAt);
