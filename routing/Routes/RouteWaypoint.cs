namespace TrafficOrleans.Routing.Routes;

/// <summary>A point of a route and the road travelled from it.</summary>
public sealed record RouteWaypoint(double Lat, double Lng, string RoadName);
