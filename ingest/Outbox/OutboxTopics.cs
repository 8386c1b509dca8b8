namespace TrafficOrleans.Ingest.Outbox;

/// <summary>Topics and Kafka header names of the messages ingestion writes to the outbox.</summary>
public static class OutboxTopics
{
    /// <summary>Preprocessed readings, keyed by road id (consumed by the Orleans stream provider).</summary>
    public const string TrafficRaw = "traffic-raw";

    /// <summary>Rejected readings with their original payload.</summary>
    public const string TrafficDlq = "traffic-dlq";

    /// <summary>Human explanation of a rejection (same header name as the stream provider's dead letters).</summary>
    public const string DeadLetterReasonHeader = "dlq-reason";

    /// <summary>Machine-readable rejection reason (<c>negative_speed</c>, <c>malformed</c>, …).</summary>
    public const string DeadLetterCategoryHeader = "dlq-category";

    /// <summary>Source that produced the rejected reading (<c>here</c>, <c>simulator</c>, <c>replay</c>).</summary>
    public const string DeadLetterSourceHeader = "dlq-source";

    /// <summary>The tick that was polled (ISO-8601 UTC).</summary>
    public const string DeadLetterObservedAtHeader = "dlq-observed-at";
}
