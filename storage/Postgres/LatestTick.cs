namespace TrafficOrleans.Storage.Postgres;

/// <summary>The newest instant in <c>traffic_data</c> and how many roads have a reading at it.</summary>
/// <param name="Timestamp">The newest reading time.</param>
/// <param name="Roads">Roads read at that instant.</param>
public sealed record LatestTick(DateTimeOffset Timestamp, long Roads);
