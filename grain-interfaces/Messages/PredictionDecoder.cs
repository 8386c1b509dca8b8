using System.Text.Json;

namespace TrafficOrleans.GrainInterfaces.Messages;

/// <summary>
/// Reads a <c>traffic-predictions</c> value. Every field is required (a missing speed must not read as 0 km/h and
/// close a road) and speeds must be non-negative; anything else is rejected with a category and reason for the
/// dead-letter headers.
/// </summary>
public static class PredictionDecoder
{
    private static readonly JsonSerializerOptions Strict = new(TrafficJson.Options) { RespectRequiredConstructorParameters = true, RespectNullableAnnotations = true };

    /// <summary>Decodes a value; on failure <paramref name="category"/> and <paramref name="reason"/> say why.</summary>
    public static bool TryDecode(byte[]? value, out RoadPrediction? prediction, out string category, out string reason)
    {
        prediction = null;
        if (value is null || value.Length == 0) return Reject("empty-value", "The message has no value.", out category, out reason);
        try
        {
            prediction = JsonSerializer.Deserialize<RoadPrediction>(value, Strict);
        }
        catch (JsonException ex)
        {
            return Reject("malformed-json", ex.Message, out category, out reason);
        }

        if (prediction is null) return Reject("malformed-json", "The value is JSON null.", out category, out reason);
        if (string.IsNullOrWhiteSpace(prediction.RoadId)) return Reject("missing-road-id", "road_id is empty.", out category, out reason);
        if (prediction.CurrentSpeed < 0 || prediction.PredictedSpeed10Min < 0 || prediction.PredictedSpeed20Min < 0 || prediction.PredictedSpeed30Min < 0)
        {
            prediction = null;
            return Reject("invalid-speed", "A speed is negative.", out category, out reason);
        }

        category = reason = "";
        return true;
    }

    private static bool Reject(string category, string reason, out string categoryOut, out string reasonOut)
    {
        categoryOut = category;
        reasonOut = reason;
        return false;
    }
}
