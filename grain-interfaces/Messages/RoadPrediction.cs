using System.Text.Json.Serialization;

namespace TrafficOrleans.GrainInterfaces.Messages;

/// <summary>
/// A road's speed forecast 10/20/30 minutes ahead of <see cref="Timestamp"/> (the reading it was made from):
/// the value of a <c>traffic-predictions</c> message and a row of <c>predictions</c>. Speeds are km/h.
/// <see cref="JamFactor"/> is the reading's jam factor (0–10), carried for the <c>severe_traffic</c> alert; it is
/// optional so that messages produced before it existed still decode (as null). <see cref="Interval"/> is the model's
/// 10–90 % range per horizon, null for models without calibrated intervals and in older messages.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RoadPrediction(
    [property: Id(0), JsonPropertyName("event_id")] Guid EventId,
    [property: Id(1), JsonPropertyName("timestamp")] DateTimeOffset Timestamp,
    [property: Id(2), JsonPropertyName("road_id")] string RoadId,
    [property: Id(3), JsonPropertyName("current_speed")] double CurrentSpeed,
    [property: Id(4), JsonPropertyName("predicted_speed_10min")] double PredictedSpeed10Min,
    [property: Id(5), JsonPropertyName("predicted_speed_20min")] double PredictedSpeed20Min,
    [property: Id(6), JsonPropertyName("predicted_speed_30min")] double PredictedSpeed30Min,
    [property: Id(7), JsonPropertyName("prediction_confidence")] double PredictionConfidence,
    [property: Id(8), JsonPropertyName("model_version")] string ModelVersion,
    [property: Id(9), JsonPropertyName("jam_factor")] double? JamFactor = null,
    [property: Id(10), JsonPropertyName("prediction_interval")] PredictionInterval? Interval = null);
