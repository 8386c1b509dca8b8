using System.Text.Json.Serialization;

namespace TrafficOrleans.Api.Roads;

/// <summary>One reading of a road's recent history.</summary>
public sealed record RoadReadingPoint(
    [property: JsonPropertyName("timestamp")] DateTimeOffset Timestamp,
    [property: JsonPropertyName("speed")] double Speed,
    [property: JsonPropertyName("jam_factor")] double JamFactor,
    [property: JsonPropertyName("congestion_level")] string CongestionLevel);
