namespace TrafficOrleans.GrainInterfaces.Grains;

/// <summary>
/// What a road grain has done: readings applied, redelivered duplicates ignored (same event id),
/// out-of-order readings ignored (not newer than the latest), newest reading time.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RoadActivity(
    [property: Id(0)] long AppliedReadings,
    [property: Id(1)] long DuplicateReadings,
    [property: Id(2)] long OutOfOrderReadings,
    [property: Id(3)] DateTimeOffset? LatestTimestamp);
