using System.Text;
using System.Text.Json;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.GrainInterfaces.Messages.Json;

namespace TrafficOrleans.GrainInterfaces.Tests;

/// <summary>
/// The canonical readers of <c>traffic-raw</c> and <c>traffic-predictions</c> values must never change what a message
/// decodes to: whatever a reader reads must be what the serializer reads from the same bytes, with
/// <see cref="TrafficJson.Strict"/> (consumers) and <see cref="TrafficJson.Options"/> alike; everything else it must leave
/// to the serializer.
/// </summary>
public sealed class CanonicalJsonReadersTests
{
    private static readonly RoadPrediction Prediction = new(
        Guid.Parse("8f1e2a52-8a43-4e0e-9e57-0f6b9c1e2d11"), new DateTimeOffset(2026, 11, 28, 4, 0, 0, 123, TimeSpan.Zero), "here-1234-5678",
        31.5, 28.25, 25.125, 27, 0.83, "lgbm-v12", 4.2, new PredictionInterval(20.1, 35.2, 18.3, 33.3, 17.7, 36.9));

    private static readonly TrafficReading Reading = new(
        Guid.Parse("1c0e2a52-8a43-4e0e-9e57-0f6b9c1e2d99"), new DateTimeOffset(2026, 11, 28, 4, 5, 0, TimeSpan.Zero), "here-1234-5678",
        "Phố Tràng Tiền \"cũ\"", 31.5, 50, 4.2, CongestionLevel.Heavy, 0.63, true, new Coordinates(21.02, 105.85), 0.7);

    private static string Canonical<T>(T value) => JsonSerializer.Serialize(value, TrafficJson.Options);

    public static TheoryData<string> PredictionsInOurProducersForm() =>
    [
        Canonical(Prediction),
        Canonical(Prediction with { JamFactor = null, Interval = null }),
        Canonical(Prediction with { CurrentSpeed = 0, PredictedSpeed10Min = 1e-7, PredictionConfidence = 1 }),
        // Written before jam_factor and the interval existed.
        """{"event_id":"8f1e2a52-8a43-4e0e-9e57-0f6b9c1e2d11","timestamp":"2026-11-28T04:00:00Z","road_id":"r","current_speed":30,"predicted_speed_10min":29,"predicted_speed_20min":28,"predicted_speed_30min":27,"prediction_confidence":0.8,"model_version":"m"}""",
        // Another order and white space are still canonical.
        """
         { "model_version" : "m", "road_id":"r", "timestamp":"2026-11-28T11:00:00+07:00", "event_id":"8f1e2a52-8a43-4e0e-9e57-0f6b9c1e2d11", "prediction_confidence":0.8,
            "predicted_speed_30min":27, "predicted_speed_20min":28, "predicted_speed_10min":29, "current_speed":30, "jam_factor": 3 }
        """,
    ];

    public static TheoryData<string> ReadingsInOurProducersForm() =>
    [
        Canonical(Reading),
        Canonical(Reading with { Coordinates = null, NeighbourRatio = null, CongestionLevel = CongestionLevel.Free, IsRushHour = false }),
        Canonical(Reading with { CongestionLevel = CongestionLevel.Moderate }),
        Canonical(Reading with { CongestionLevel = CongestionLevel.Severe, RoadName = "" }),
    ];

    [Theory]
    [MemberData(nameof(PredictionsInOurProducersForm))]
    public void A_prediction_as_our_producers_write_it_is_read_without_the_serializer_and_to_the_same_value(string json) =>
        AssertReadByTheReader(RoadPredictionJsonReader.Instance, json);

    [Theory]
    [MemberData(nameof(ReadingsInOurProducersForm))]
    public void A_reading_as_our_producers_write_it_is_read_without_the_serializer_and_to_the_same_value(string json) =>
        AssertReadByTheReader(TrafficReadingJsonReader.Instance, json);

    [Theory]
    [InlineData("\"current_speed\":31.5", "\"Current_Speed\":31.5")]              // another casing: the serializer matches it
    [InlineData("\"current_speed\":31.5", "\"current_speed\":\"31.5\"")]          // a number as a string: strict says no
    [InlineData("\"current_speed\":31.5", "\"current_speed\":null")]              // null where the record has a number
    [InlineData("\"current_speed\":31.5,", "")]                                   // a required field missing
    [InlineData("\"road_id\":\"here-1234-5678\"", "\"road_id\":null")]            // null where the record has a string
    [InlineData("\"road_id\":\"here-1234-5678\"", "\"road_\\u0069d\":\"here-1234-5678\"")] // an escaped name
    [InlineData("\"road_id\":\"here-1234-5678\"", "\"road_id\":\"a\",\"road_id\":\"b\"")] // a repeated field
    [InlineData("\"road_id\":\"here-1234-5678\"", "\"road_id\":\"here-1234-5678\",\"lane\":2")] // an unknown field
    [InlineData("\"road_id\":\"here-1234-5678\"", "\"road_id\":\"here\\u002d1234\"")] // an escaped value
    [InlineData("\"jam_factor\":4.2", "\"jam_factor\":\"high\"")]
    [InlineData("\"jam_factor\":4.2", "\"jam_factor\":1e999")]                   // out of double's range
    [InlineData("\"low_10min\":20.1,", "")]                                      // an interval without a bound
    [InlineData("\"low_10min\":20.1", "\"low_10min\":null")]
    [InlineData("\"event_id\":\"8f1e2a52-8a43-4e0e-9e57-0f6b9c1e2d11\"", "\"event_id\":\"8f1e2a528a434e0e9e570f6b9c1e2d11\"")] // another GUID format
    [InlineData("\"event_id\":\"8f1e2a52-8a43-4e0e-9e57-0f6b9c1e2d11\"", "\"event_id\":\"not-a-guid\"")]
    [InlineData("\"timestamp\":\"2026-11-28T04:00:00.123+00:00\"", "\"timestamp\":\"28/11/2026\"")]
    [InlineData("\"timestamp\":\"2026-11-28T04:00:00.123+00:00\"", "\"timestamp\":1764302400")]
    [InlineData("}", "},")]                                                      // bad JSON
    [InlineData("}", "} {}")]                                                     // something after the value
    [InlineData("}", "")]                                                         // cut short
    public void A_prediction_in_any_other_form_decodes_exactly_as_the_serializer_decodes_it(string canonicalPart, string replacement)
    {
        var json = Replace(Canonical(Prediction), canonicalPart, replacement);
        AssertSameOutcome(RoadPredictionJsonReader.Instance, json);
    }

    [Theory]
    [InlineData("\"congestion_level\":\"heavy\"", "\"congestion_level\":\"Heavy\"")]   // the enum converter ignores case
    [InlineData("\"congestion_level\":\"heavy\"", "\"congestion_level\":2")]           // and reads numbers
    [InlineData("\"congestion_level\":\"heavy\"", "\"congestion_level\":\"gridlock\"")]
    [InlineData("\"is_rush_hour\":true", "\"is_rush_hour\":\"true\"")]
    [InlineData("\"is_rush_hour\":true", "\"is_rush_hour\":1")]
    [InlineData("\"road_name\":\"", "\"road_name\":null,\"x\":\"")]
    [InlineData("\"lat\":21.02,", "")]
    [InlineData("\"lat\":21.02", "\"lat\":21.02,\"alt\":10")]
    [InlineData("\"neighbour_ratio\":0.7", "\"neighbour_ratio\":[0.7]")]
    public void A_reading_in_any_other_form_decodes_exactly_as_the_serializer_decodes_it(string canonicalPart, string replacement)
    {
        var json = Replace(Canonical(Reading), canonicalPart, replacement);
        AssertSameOutcome(TrafficReadingJsonReader.Instance, json);
    }

    [Fact]
    public void Thousands_of_damaged_messages_decode_exactly_as_the_serializer_decodes_them()
    {
        var random = new Random(20261128);
        var readByReader = Damaged(RoadPredictionJsonReader.Instance, Canonical(Prediction), random)
            + Damaged(TrafficReadingJsonReader.Instance, Canonical(Reading), random);
        // Both kinds must have been tried: damage the readers still read (a changed digit or letter) and damage they leave to the serializer.
        Assert.InRange(readByReader, 100, 5900);
    }

    /// <summary>Checks 3,000 damaged copies of <paramref name="original"/>; returns how many the reader read itself.</summary>
    private static int Damaged<T>(CanonicalJsonReader<T> reader, string original, Random random) where T : class
    {
        var bytes = Encoding.UTF8.GetBytes(original);
        var read = 0;
        for (var i = 0; i < 3000; i++)
        {
            var damaged = Damage(bytes, random);
            AssertSameOutcome(reader, damaged);
            if (reader.TryRead(damaged) is not null) read++;
        }

        return read;
    }

    private static readonly byte[] Significant = "{}[],:\"\\ 0-.eEnu"u8.ToArray();

    private static byte[] Damage(byte[] original, Random random)
    {
        var damaged = (byte[])original.Clone();
        var edits = random.Next(1, 4);
        for (var e = 0; e < edits; e++)
        {
            var at = random.Next(damaged.Length);
            switch (random.Next(4))
            {
                case 0: damaged[at] = (byte)random.Next(0x20, 0x7f); break;                       // another printable byte
                case 1: damaged[at] = Significant[random.Next(Significant.Length)]; break;         // a JSON-significant one
                case 2: damaged = [.. damaged[..at], .. damaged[(at + 1)..]]; break;               // one missing
                default: damaged = [.. damaged[..at], damaged[random.Next(damaged.Length)], .. damaged[at..]]; break; // one doubled elsewhere
            }
        }

        return damaged;
    }

    private static void AssertReadByTheReader<T>(CanonicalJsonReader<T> reader, string json) where T : class
    {
        var canonical = reader.TryRead(Encoding.UTF8.GetBytes(json));
        Assert.NotNull(canonical);
        Assert.Equal(JsonSerializer.Deserialize<T>(json, TrafficJson.Strict), canonical);
        AssertSameOutcome(reader, json);
    }

    private static void AssertSameOutcome<T>(CanonicalJsonReader<T> reader, string json) where T : class =>
        AssertSameOutcome(reader, Encoding.UTF8.GetBytes(json));

    /// <summary>What a consumer gets (the reader, else the serializer) is what the serializer alone gives.</summary>
    private static void AssertSameOutcome<T>(CanonicalJsonReader<T> reader, byte[] json) where T : class
    {
        var read = reader.TryRead(json);
        foreach (var options in new[] { TrafficJson.Strict, TrafficJson.Options })
        {
            var expected = SerializerOutcome<T>(json, options);
            var actual = read ?? expected;
            Assert.True(Equals(expected, actual), $"{Encoding.UTF8.GetString(json)}\nserializer: {expected}\nreader: {actual}");
        }
    }

    private static object? SerializerOutcome<T>(byte[] json, JsonSerializerOptions options)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, options);
        }
        catch (Exception ex)
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }

    private static string Replace(string json, string part, string replacement)
    {
        Assert.Contains(part, json, StringComparison.Ordinal);
        var at = json.IndexOf(part, StringComparison.Ordinal);
        return string.Concat(json.AsSpan(0, at), replacement, json.AsSpan(at + part.Length));
    }
}
