namespace TrafficOrleans.GrainInterfaces.Grains;

/// <summary>A route request: two points and when to leave.</summary>
/// <param name="OriginLat">Origin latitude.</param>
/// <param name="OriginLng">Origin longitude.</param>
/// <param name="DestinationLat">Destination latitude.</param>
/// <param name="DestinationLng">Destination longitude.</param>
/// <param name="Departure">When to leave; null (or a past time) means now.</param>
[GenerateSerializer, Immutable]
public sealed record RouteQuery(
    [property: Id(0)] double OriginLat,
    [property: Id(1)] double OriginLng,
    [property: Id(2)] double DestinationLat,
    [property: Id(3)] double DestinationLng,
    [property: Id(4)] DateTimeOffset? Departure);
