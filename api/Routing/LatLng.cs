namespace TrafficOrleans.Api.Routing;

/// <summary>A point of a route request (WGS 84 degrees); null members are reported as missing.</summary>
public sealed record LatLng(double? Lat, double? Lng);
