using System.Text.Json;
using TrafficOrleans.GrainInterfaces.Messages.Json;
using TrafficOrleans.GrainInterfaces.Messages.Validation;

namespace TrafficOrleans.GrainInterfaces.Messages;

/// <summary>
/// Reads a <c>traffic-predictions</c> value. Every field is required (a missing speed must not read as 0 km/h and
/// close a road) and the values must pass <see cref="RoadPredictionRules"/>; anything else is rejected with a
/// category and reason for the dead-letter headers. A value in the form our producers write is read by
/// <see cref="RoadPredictionJsonReader"/> (rules, push and routing each read every prediction); anything else by the
/// serializer, as before.
/// </summary>
public static class PredictionDecoder
{
    /// <summary>
    /// Decodes a value; on failure <paramref name="category"/> and <paramref name="reason"/> say why. <paramref name="now"/>
    /// is the consumer's clock for the timestamp window (null: absolute bounds only).
    /// </summary>
    public static bool TryDecode(byte[]? value, MessageLimits limits, DateTimeOffset? now, out RoadPrediction? prediction, out string category, out string reason)
    {
        ArgumentNullException.ThrowIfNull(limits);
        prediction = null;
        if (value is null || value.Length == 0) return Reject("empty-value", "The message has no value.", out category, out reason);
        try
        {
            prediction = RoadPredictionJsonReader.Instance.TryRead(value) ?? JsonSerializer.Deserialize<RoadPrediction>(value, TrafficJson.Strict);
        }
        catch (JsonException ex)
        {
            return Reject("malformed-json", ex.Message, out category, out reason);
        }

        if (prediction is null) return Reject("malformed-json", "The value is JSON null.", out category, out reason);
        if (RoadPredictionRules.Check(prediction, limits, now) is { } failure)
        {
            prediction = null;
            return Reject(failure.Category, failure.Reason, out category, out reason);
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
