namespace TrafficOrleans.Ingest.DualWrite;

/// <summary>Kafka header names of the dead letters ingestion writes to the outbox (topic names: the <c>Kafka:Topics</c> catalogue).</summary>
public static class OutboxTopics
{
    /// <summary>Human explanation of a rejection (same header name as the stream provider's dead letters).</summary>
    public const string DeadLetterReasonHeader = "dlq-reason";

    /// <summary>Machine-readable rejection reason (<c>negative_speed</c>, <c>malformed</c>, …).</summary>
    public const string DeadLetterCategoryHeader = "dlq-category";

    /// <summary>Source that produced the rejected reading (<c>here</c>, <c>simulator</c>, <c>replay</c>).</summary>
    public const string DeadLetterSourceHeader = "dlq-source";

    /// <summary>The tick that was polled (ISO-8601 UTC).</summary>
    public const string DeadLetterObservedAtHeader = "dlq-observed-at";
}
