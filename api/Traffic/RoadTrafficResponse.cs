using System.Text.Json.Serialization;
using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Api.Traffic;

/// <summary>A road's current traffic, in the product's JSON shape.</summary>
public sealed record RoadTrafficResponse(
    [property: JsonPropertyName("road_id")] string RoadId,
    [property: JsonPropertyName("road_name")] string RoadName,
    [property: JsonPropertyName("current_speed")] double CurrentSpeed,
    [property: JsonPropertyName("jam_factor")] double JamFactor,
    [property: JsonPropertyName("congestion_level")] CongestionLevel CongestionLevel,
    [property: JsonPropertyName("last_updated")] DateTimeOffset LastUpdated)
{
    /// <summary>Maps a stored reading to the response shape.</summary>
    public static RoadTrafficResponse From(TrafficReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return new(reading.RoadId, reading.RoadName, Math.Round(reading.CurrentSpeed, 1), reading.JamFactor, reading.CongestionLevel, reading.Timestamp);
    }
}
