using System.Text.Json.Serialization;

namespace TrafficOrleans.GrainInterfaces.Messages;

/// <summary>
/// An alert raised by the notification rules from a road prediction: the value of a <c>traffic-notifications</c>
/// message (and, minus the numbers, a row of <c>notifications</c>). Speeds are km/h; <see cref="Timestamp"/> is the
/// time of the reading the prediction was made from.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record TrafficNotification(
    [property: Id(0), JsonPropertyName("event_id")] Guid EventId,
    [property: Id(1), JsonPropertyName("timestamp")] DateTimeOffset Timestamp,
    [property: Id(2), JsonPropertyName("road_id")] string RoadId,
    [property: Id(3), JsonPropertyName("alert_type")] string AlertType,
    [property: Id(4), JsonPropertyName("severity")] string Severity,
    [property: Id(5), JsonPropertyName("message")] string Message,
    [property: Id(6), JsonPropertyName("current_speed")] double CurrentSpeed,
    [property: Id(7), JsonPropertyName("predicted_speed")] double PredictedSpeed,
    [property: Id(8), JsonPropertyName("horizon_minutes")] int HorizonMinutes,
    [property: Id(9), JsonPropertyName("model_version")] string ModelVersion);
