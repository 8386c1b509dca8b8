using System.Text.Json.Serialization;
using TrafficOrleans.Api.Traffic;

namespace TrafficOrleans.Api.Roads;

/// <summary>
/// Everything the road panel of a map shows: the road, its current reading (null when none is current), the readings of
/// the 2 hours up to its latest one, its latest forecast and, over the same 2 hours, forecasts against what happened.
/// </summary>
public sealed record RoadDetailResponse(
    [property: JsonPropertyName("road_id")] string RoadId,
    [property: JsonPropertyName("road_name")] string RoadName,
    [property: JsonPropertyName("road_class")] int RoadClass,
    [property: JsonPropertyName("length_m")] double LengthMeters,
    [property: JsonPropertyName("free_flow_speed")] double FreeFlowSpeed,
    [property: JsonPropertyName("lines")] IReadOnlyList<double[][]> Lines,
    [property: JsonPropertyName("current")] RoadTrafficResponse? Current,
    [property: JsonPropertyName("history")] IReadOnlyList<RoadReadingPoint> History,
    [property: JsonPropertyName("prediction")] RoadPredictionPoint? Prediction,
    [property: JsonPropertyName("predicted_vs_actual")] IReadOnlyList<PredictedVersusActual> PredictedVsActual);
