namespace TrafficOrleans.Api.Status;

/// <summary>The pipeline's lag at its first hop: outbox rows not yet published to Kafka.</summary>
/// <param name="Pending">Unsent rows.</param>
/// <param name="OldestAgeSeconds">Age of the oldest unsent row (wall clock), 0 when none.</param>
public sealed record OutboxStatus(long Pending, double OldestAgeSeconds);
