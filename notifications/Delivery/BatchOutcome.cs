namespace TrafficOrleans.Notifications.Delivery;

/// <summary>What one batch did.</summary>
/// <param name="Alerts">Alerts the rules raised (before de-duplication against stored ones).</param>
/// <param name="InsertedByType">New notification rows (each with its outbox row), by alert type.</param>
/// <param name="DeadLettered">Dead-letter outbox rows written (a redelivered rejection is not written twice).</param>
public sealed record BatchOutcome(int Alerts, IReadOnlyDictionary<string, long> InsertedByType, int DeadLettered)
{
    /// <summary>New notification rows in all.</summary>
    public long Inserted => InsertedByType.Values.Sum();
}
