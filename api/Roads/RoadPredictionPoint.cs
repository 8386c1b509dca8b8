using System.Text.Json.Serialization;

namespace TrafficOrleans.Api.Roads;

/// <summary>A road's latest forecast, made from the reading at <see cref="Timestamp"/>.</summary>
public sealed record RoadPredictionPoint(
    [property: JsonPropertyName("timestamp")] DateTimeOffset Timestamp,
    [property: JsonPropertyName("model_version")] string ModelVersion,
    [property: JsonPropertyName("predicted_speed_10min")] double PredictedSpeed10Min,
    [property: JsonPropertyName("predicted_speed_20min")] double PredictedSpeed20Min,
    [property: JsonPropertyName("predicted_speed_30min")] double PredictedSpeed30Min,
    [property: JsonPropertyName("confidence")] double Confidence);
