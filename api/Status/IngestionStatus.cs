namespace TrafficOrleans.Api.Status;

/// <summary>How far ingestion got.</summary>
/// <param name="LastTick">Timestamp of the newest stored reading; null before the first.</param>
/// <param name="Roads">Roads read at that tick.</param>
/// <param name="TrafficTime">The traffic clock's now: wall time, or the simulated time of a demo run ahead of it.</param>
public sealed record IngestionStatus(DateTimeOffset? LastTick, long Roads, DateTimeOffset TrafficTime);
