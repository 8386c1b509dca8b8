using System.Text.Json.Serialization;

namespace TrafficOrleans.GrainInterfaces.Messages;

/// <summary>
/// One preprocessed observation of one road: the value of a <c>traffic-raw</c> message and a row of
/// <c>traffic_data</c>. Speeds are km/h; <see cref="Timestamp"/> is UTC.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TrafficReading(
    [property: Id(0), JsonPropertyName("event_id")] Guid EventId,
    [property: Id(1), JsonPropertyName("timestamp")] DateTimeOffset Timestamp,
    [property: Id(2), JsonPropertyName("road_id")] string RoadId,
    [property: Id(3), JsonPropertyName("road_name")] string RoadName,
    [property: Id(4), JsonPropertyName("current_speed")] double CurrentSpeed,
    [property: Id(5), JsonPropertyName("free_flow_speed")] double FreeFlowSpeed,
    [property: Id(6), JsonPropertyName("jam_factor")] double JamFactor,
    [property: Id(7), JsonPropertyName("congestion_level")] CongestionLevel CongestionLevel,
    [property: Id(8), JsonPropertyName("speed_ratio")] double SpeedRatio,
    [property: Id(9), JsonPropertyName("is_rush_hour")] bool IsRushHour,
    [property: Id(10), JsonPropertyName("coordinates")] Coordinates? Coordinates = null);
