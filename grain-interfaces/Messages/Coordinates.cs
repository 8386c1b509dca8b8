using System.Text.Json.Serialization;

namespace TrafficOrleans.GrainInterfaces.Messages;

/// <summary>A WGS-84 point, as the original design writes it on the wire: <c>{"lat": …, "lng": …}</c>.</summary>
[GenerateSerializer, Immutable]
public sealed record Coordinates(
    [property: Id(0), JsonPropertyName("lat")] double Lat,
    [property: Id(1), JsonPropertyName("lng")] double Lng);
