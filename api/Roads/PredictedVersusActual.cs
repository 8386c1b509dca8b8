using System.Text.Json.Serialization;

namespace TrafficOrleans.Api.Roads;

/// <summary>What was forecast for <see cref="TargetTime"/> <see cref="HorizonMinutes"/> ahead, and the speed then read.</summary>
public sealed record PredictedVersusActual(
    [property: JsonPropertyName("target_time")] DateTimeOffset TargetTime,
    [property: JsonPropertyName("horizon_minutes")] int HorizonMinutes,
    [property: JsonPropertyName("predicted_speed")] double PredictedSpeed,
    [property: JsonPropertyName("actual_speed")] double ActualSpeed);
