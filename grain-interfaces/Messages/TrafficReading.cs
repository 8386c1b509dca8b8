using System.Text.Json.Serialization;

namespace TrafficOrleans.GrainInterfaces.Messages;

/// <summary>
/// One preprocessed observation of one road: the value of a <c>traffic-raw</c> message and a row of
/// <c>traffic_data</c>. Speeds are km/h; <see cref="Timestamp"/> is UTC.
/// </summary>
/// <remarks>
/// <see cref="NeighbourRatio"/> is the mean <c>current / free-flow</c> ratio of the road's neighbours on the road
/// graph in the same ingestion tick, set by ingestion (which sees the whole tick) so a road grain can give its
/// model what the neighbours were doing without asking them. Null when no neighbour reported, when the source
/// has no road graph, and in messages from before the field existed. Not stored in <c>traffic_data</c>: training
/// recomputes it from the same graph.
/// </remarks>
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
    [property: Id(10), JsonPropertyName("coordinates")] Coordinates? Coordinates = null,
    [property: Id(11), JsonPropertyName("neighbour_ratio")] double? NeighbourRatio = null);
