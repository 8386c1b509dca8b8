namespace TrafficOrleans.Outbox;

/// <summary>Kafka headers the outbox relay adds to what it publishes.</summary>
public static class OutboxHeaderNames
{
    /// <summary>
    /// The outbox row a message was published from (decimal). Lets a relay taking over find which rows of an interrupted
    /// round reached Kafka (<see cref="OutboxReconciler"/>); consumers may ignore it.
    /// </summary>
    public const string RowId = "outbox-id";
}
