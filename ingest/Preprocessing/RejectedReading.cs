using System.Text.Json.Serialization;

namespace TrafficOrleans.Ingest.Preprocessing;

/// <summary>
/// A reading that failed validation: the value of a <c>traffic-dlq</c> message. Keeps the original
/// payload (HERE JSON item, CSV line, …) so it can be inspected or replayed after a fix.
/// </summary>
/// <param name="Source">Source name (<c>here</c>, <c>simulator</c>, <c>replay</c>).</param>
/// <param name="ObservedAt">The tick polled, UTC.</param>
/// <param name="RoadId">Road id, when one was known.</param>
/// <param name="Reason">Why it was rejected.</param>
/// <param name="Detail">Human explanation with the offending value.</param>
/// <param name="Payload">The original input, verbatim where the source had text.</param>
public sealed record RejectedReading(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("observed_at")] DateTimeOffset ObservedAt,
    [property: JsonPropertyName("road_id")] string? RoadId,
    [property: JsonPropertyName("reason")] RejectionReason Reason,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("payload")] string Payload);
