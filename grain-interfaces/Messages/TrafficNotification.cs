using System.Text.Json.Serialization;

namespace TrafficOrleans.GrainInterfaces.Messages;

/// <summary>
/// An alert raised by the notification rules from a road prediction: the value of a <c>traffic-notifications</c>
/// message and of the push channels (and, minus the numbers, a row of <c>notifications</c>). Speeds are km/h;
/// <see cref="Timestamp"/> is the time of the reading the prediction was made from. <see cref="EtaDeltaMinutes"/> is
/// the extra time to drive the road at <see cref="PredictedSpeed"/> rather than free flow (null when the road's
/// length is unknown); <see cref="AffectedRoutes"/> is empty when no recent route crosses the road.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TrafficNotification(
    [property: Id(0), JsonPropertyName("event_id")] Guid EventId,
    [property: Id(1), JsonPropertyName("timestamp")] DateTimeOffset Timestamp,
    [property: Id(3), JsonPropertyName("alert_type")] string AlertType,
    [property: Id(2), JsonPropertyName("road_id")] string RoadId,
    [property: Id(10), JsonPropertyName("road_name")] string RoadName,
    [property: Id(4), JsonPropertyName("severity")] string Severity,
    [property: Id(5), JsonPropertyName("message")] string Message,
    [property: Id(11), JsonPropertyName("affected_routes")] IReadOnlyList<AffectedRoute> AffectedRoutes,
    [property: Id(6), JsonPropertyName("current_speed")] double CurrentSpeed,
    [property: Id(7), JsonPropertyName("predicted_speed")] double PredictedSpeed,
    [property: Id(8), JsonPropertyName("horizon_minutes")] int HorizonMinutes,
    [property: Id(12), JsonPropertyName("eta_delta_minutes")] double? EtaDeltaMinutes,
    [property: Id(13), JsonPropertyName("jam_factor")] double? JamFactor,
    [property: Id(9), JsonPropertyName("model_version")] string ModelVersion);
