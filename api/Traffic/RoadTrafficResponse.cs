using System.Text.Json.Serialization;
using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Api.Traffic;

/// <summary>
/// A road's current traffic, in the product's JSON shape, with the forecast made from that reading when one is known
/// (the map's horizon switch recolours from these; null when no prediction is cached for the reading).
/// </summary>
public sealed record RoadTrafficResponse(
    [property: JsonPropertyName("road_id")] string RoadId,
    [property: JsonPropertyName("road_name")] string RoadName,
    [property: JsonPropertyName("current_speed")] double CurrentSpeed,
    [property: JsonPropertyName("jam_factor")] double JamFactor,
    [property: JsonPropertyName("congestion_level")] CongestionLevel CongestionLevel,
    [property: JsonPropertyName("last_updated")] DateTimeOffset LastUpdated,
    [property: JsonPropertyName("predicted_speed_10min")] double? PredictedSpeed10Min = null,
    [property: JsonPropertyName("predicted_speed_20min")] double? PredictedSpeed20Min = null,
    [property: JsonPropertyName("predicted_speed_30min")] double? PredictedSpeed30Min = null)
{
    /// <summary>Maps a stored reading (and its road's latest prediction, if any) to the response shape.</summary>
    public static RoadTrafficResponse From(TrafficReading reading, RoadPrediction? prediction = null)
    {
        ArgumentNullException.ThrowIfNull(reading);
        // A prediction made from an older reading describes another moment; only the reading's own forecast is shown.
        var forecast = prediction is not null && prediction.Timestamp == reading.Timestamp ? prediction : null;
        return new(reading.RoadId, reading.RoadName, Math.Round(reading.CurrentSpeed, 1), reading.JamFactor, reading.CongestionLevel, reading.Timestamp,
            Round(forecast?.PredictedSpeed10Min), Round(forecast?.PredictedSpeed20Min), Round(forecast?.PredictedSpeed30Min));
    }

    private static double? Round(double? speed) => speed is { } s ? Math.Round(s, 1) : null;
}
