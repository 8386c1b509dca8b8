using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.Ingest.Preprocessing;

namespace TrafficOrleans.Ingest;

/// <summary>The outcome of one poll: every input reading ends up in exactly one of the two lists.</summary>
/// <param name="Source">Name of the source that produced it.</param>
/// <param name="ObservedAt">The tick polled (UTC).</param>
/// <param name="Readings">Valid, preprocessed readings for <c>traffic_data</c> and <c>traffic-raw</c>.</param>
/// <param name="Rejected">Invalid readings with reason and original payload, for <c>traffic-dlq</c>.</param>
public sealed record TrafficBatch(
    string Source,
    DateTimeOffset ObservedAt,
    IReadOnlyList<TrafficReading> Readings,
    IReadOnlyList<RejectedReading> Rejected);
