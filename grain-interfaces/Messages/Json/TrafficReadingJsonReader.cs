using System.Text.Json;
using static TrafficOrleans.GrainInterfaces.Messages.Json.CanonicalJson;

namespace TrafficOrleans.GrainInterfaces.Messages.Json;

/// <summary>Reads a <see cref="TrafficReading"/> (a <c>traffic-raw</c> value) in canonical form; see <see cref="CanonicalJsonReader{T}"/>.</summary>
public sealed class TrafficReadingJsonReader : CanonicalJsonReader<TrafficReading>
{
    // In the record's order; the first RequiredFields have no default there, so all of them must be present.
    private static readonly byte[][] Fields =
    [
        "event_id"u8.ToArray(), "timestamp"u8.ToArray(), "road_id"u8.ToArray(), "road_name"u8.ToArray(), "current_speed"u8.ToArray(),
        "free_flow_speed"u8.ToArray(), "jam_factor"u8.ToArray(), "congestion_level"u8.ToArray(), "speed_ratio"u8.ToArray(),
        "is_rush_hour"u8.ToArray(), "coordinates"u8.ToArray(), "neighbour_ratio"u8.ToArray(),
    ];

    private const int RequiredFields = 10;

    // The wire names of CongestionLevel, by value.
    private static readonly byte[][] Levels = ["free"u8.ToArray(), "moderate"u8.ToArray(), "heavy"u8.ToArray(), "severe"u8.ToArray()];

    private static readonly byte[][] CoordinateFields = ["lat"u8.ToArray(), "lng"u8.ToArray()];

    /// <summary>The reader (it keeps no state).</summary>
    public static TrafficReadingJsonReader Instance { get; } = new();

    private TrafficReadingJsonReader()
    {
    }

    /// <inheritdoc />
    protected override TrafficReading? ReadObject(ref Utf8JsonReader reader)
    {
        Guid eventId = default;
        DateTimeOffset timestamp = default;
        string roadId = "", roadName = "";
        double current = 0, freeFlow = 0, jamFactor = 0, ratio = 0;
        CongestionLevel level = default;
        bool rushHour = false;
        Coordinates? coordinates = null;
        double? neighbourRatio = null;
        var seen = 0;
        while (NextProperty(ref reader, out var name))
        {
            var ok = Field(name, Fields, ref seen) switch
            {
                0 => Identifier(ref reader, out eventId),
                1 => Instant(ref reader, out timestamp),
                2 => Text(ref reader, out roadId),
                3 => Text(ref reader, out roadName),
                4 => Number(ref reader, out current),
                5 => Number(ref reader, out freeFlow),
                6 => Number(ref reader, out jamFactor),
                7 => Level(ref reader, out level),
                8 => Number(ref reader, out ratio),
                9 => Flag(ref reader, out rushHour),
                10 => CoordinatesOrNull(ref reader, out coordinates),
                11 => NumberOrNull(ref reader, out neighbourRatio),
                _ => false,
            };
            if (!ok) return null;
        }

        return Complete(ref reader, seen, RequiredFields)
            ? new TrafficReading(eventId, timestamp, roadId, roadName, current, freeFlow, jamFactor, level, ratio, rushHour, coordinates, neighbourRatio)
            : null;
    }

    /// <summary>The level's wire name exactly as written (other spellings, and numbers, are left to the serializer's enum converter).</summary>
    private static bool Level(ref Utf8JsonReader reader, out CongestionLevel level)
    {
        level = default;
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence) return false;
        var seen = 0;
        var index = Field(reader.ValueSpan, Levels, ref seen);
        level = (CongestionLevel)index;
        return index >= 0;
    }

    private static bool CoordinatesOrNull(ref Utf8JsonReader reader, out Coordinates? coordinates)
    {
        coordinates = null;
        if (reader.TokenType == JsonTokenType.Null) return true;
        Span<double> point = stackalloc double[CoordinateFields.Length];
        if (!Numbers(ref reader, CoordinateFields, point)) return false;
        coordinates = new Coordinates(point[0], point[1]);
        return true;
    }
}
