namespace TrafficOrleans.GrainInterfaces.Grains;

/// <summary>A waypoint of a route and the road travelled from it.</summary>
[GenerateSerializer, Immutable]
public sealed record RoutePoint(
    [property: Id(0)] double Lat,
    [property: Id(1)] double Lng,
    [property: Id(2)] string RoadName);
