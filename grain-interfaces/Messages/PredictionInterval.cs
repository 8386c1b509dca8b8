using System.Text.Json.Serialization;

namespace TrafficOrleans.GrainInterfaces.Messages;

/// <summary>
/// The 10th–90th percentile range (km/h) the model expects the speed to fall in at each horizon: calibrated so that 8
/// of 10 actual speeds land inside on data the model never saw (README "Confidence and intervals"). Wide means the
/// model is unsure — a jammed or changing road — which alerts and route ETAs can weigh.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PredictionInterval(
    [property: Id(0), JsonPropertyName("low_10min")] double Low10Min,
    [property: Id(1), JsonPropertyName("high_10min")] double High10Min,
    [property: Id(2), JsonPropertyName("low_20min")] double Low20Min,
    [property: Id(3), JsonPropertyName("high_20min")] double High20Min,
    [property: Id(4), JsonPropertyName("low_30min")] double Low30Min,
    [property: Id(5), JsonPropertyName("high_30min")] double High30Min);
