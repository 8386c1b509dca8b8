using System.Text.Json;
using static TrafficOrleans.GrainInterfaces.Messages.Json.CanonicalJson;

namespace TrafficOrleans.GrainInterfaces.Messages.Json;

/// <summary>Reads a <see cref="RoadPrediction"/> (a <c>traffic-predictions</c> value) in canonical form; see <see cref="CanonicalJsonReader{T}"/>.</summary>
public sealed class RoadPredictionJsonReader : CanonicalJsonReader<RoadPrediction>
{
    // In the record's order; the first RequiredFields have no default there, so all of them must be present.
    private static readonly byte[][] Fields =
    [
        "event_id"u8.ToArray(), "timestamp"u8.ToArray(), "road_id"u8.ToArray(), "current_speed"u8.ToArray(),
        "predicted_speed_10min"u8.ToArray(), "predicted_speed_20min"u8.ToArray(), "predicted_speed_30min"u8.ToArray(),
        "prediction_confidence"u8.ToArray(), "model_version"u8.ToArray(), "jam_factor"u8.ToArray(), "prediction_interval"u8.ToArray(),
    ];

    private const int RequiredFields = 9;

    private static readonly byte[][] IntervalFields =
    [
        "low_10min"u8.ToArray(), "high_10min"u8.ToArray(), "low_20min"u8.ToArray(), "high_20min"u8.ToArray(), "low_30min"u8.ToArray(), "high_30min"u8.ToArray(),
    ];

    /// <summary>The reader (it keeps no state).</summary>
    public static RoadPredictionJsonReader Instance { get; } = new();

    private RoadPredictionJsonReader()
    {
    }

    /// <inheritdoc />
    protected override RoadPrediction? ReadObject(ref Utf8JsonReader reader)
    {
        Guid eventId = default;
        DateTimeOffset timestamp = default;
        string roadId = "", modelVersion = "";
        double current = 0, speed10 = 0, speed20 = 0, speed30 = 0, confidence = 0;
        double? jamFactor = null;
        PredictionInterval? interval = null;
        var seen = 0;
        while (NextProperty(ref reader, out var name))
        {
            var ok = Field(name, Fields, ref seen) switch
            {
                0 => Identifier(ref reader, out eventId),
                1 => Instant(ref reader, out timestamp),
                2 => Text(ref reader, out roadId),
                3 => Number(ref reader, out current),
                4 => Number(ref reader, out speed10),
                5 => Number(ref reader, out speed20),
                6 => Number(ref reader, out speed30),
                7 => Number(ref reader, out confidence),
                8 => Text(ref reader, out modelVersion),
                9 => NumberOrNull(ref reader, out jamFactor),
                10 => IntervalOrNull(ref reader, out interval),
                _ => false,
            };
            if (!ok) return null;
        }

        return Complete(ref reader, seen, RequiredFields)
            ? new RoadPrediction(eventId, timestamp, roadId, current, speed10, speed20, speed30, confidence, modelVersion, jamFactor, interval)
            : null;
    }

    private static bool IntervalOrNull(ref Utf8JsonReader reader, out PredictionInterval? interval)
    {
        interval = null;
        if (reader.TokenType == JsonTokenType.Null) return true;
        Span<double> bounds = stackalloc double[IntervalFields.Length];
        if (!Numbers(ref reader, IntervalFields, bounds)) return false;
        interval = new PredictionInterval(bounds[0], bounds[1], bounds[2], bounds[3], bounds[4], bounds[5]);
        return true;
    }
}
