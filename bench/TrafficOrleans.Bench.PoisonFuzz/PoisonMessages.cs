using System.Globalization;
using System.Text;
using System.Text.Json;
using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Bench.PoisonFuzz;

/// <summary>
/// Random bad <c>traffic-raw</c> messages of every kind the fault-injection run found, keyed (mostly) to real roads
/// so they share partitions and streams with the good traffic. Seeded: the same seed gives the same messages.
/// </summary>
public sealed class PoisonMessages(IReadOnlyList<string> roads, DateTimeOffset around, int seed)
{
    /// <summary>The kinds, in the order of <see cref="Next"/>'s choice.</summary>
    public static readonly string[] Kinds =
    [
        "random-bytes", "invalid-json", "wrong-type", "negative-speed", "huge-speed", "non-finite", "extreme-timestamp",
        "unknown-road", "huge-value", "missing-key", "missing-field", "zero-event-id", "key-mismatch", "control-characters",
    ];

    private readonly Random _random = new(seed);

    /// <summary>A bad message: its kind, key (null for a keyless message) and value.</summary>
    public (string Kind, byte[]? Key, byte[] Value) Next()
    {
        var kind = Kinds[_random.Next(Kinds.Length)];
        var index = _random.Next(roads.Count);
        var road = roads[index];
        var key = Encoding.UTF8.GetBytes(road);
        return kind switch
        {
            "random-bytes" => (kind, key, RandomBytes(_random.Next(1, 200))),
            "invalid-json" => (kind, key, Encoding.UTF8.GetBytes(Json(road)[..^_random.Next(1, 40)])),
            "wrong-type" => (kind, key, Encoding.UTF8.GetBytes(Json(road).Replace("\"jam_factor\":2", "\"jam_factor\":\"two\"", StringComparison.Ordinal))),
            "negative-speed" => (kind, key, Serialize(Reading(road) with { CurrentSpeed = -_random.Next(1, 1_000_000) })),
            "huge-speed" => (kind, key, Serialize(Reading(road) with { CurrentSpeed = Math.Pow(10, _random.Next(3, 300)) })),
            "non-finite" => (kind, key, Encoding.UTF8.GetBytes(Json(road).Replace("\"current_speed\":30", "\"current_speed\":1e400", StringComparison.Ordinal))),
            "extreme-timestamp" => (kind, key, Serialize(Reading(road) with { Timestamp = ExtremeTimestamp() })),
            "unknown-road" => UnknownRoad(kind),
            "huge-value" => (kind, key, Encoding.UTF8.GetBytes(Json(road).Replace("\"road_name\":\"Fuzz road\"", $"\"road_name\":\"{new string('x', 2_000_000)}\"", StringComparison.Ordinal))),
            "missing-key" => (kind, null, Serialize(Reading(road))),
            "missing-field" => (kind, key, Encoding.UTF8.GetBytes(Json(road).Replace("\"current_speed\":30,", "", StringComparison.Ordinal))),
            "zero-event-id" => (kind, key, Serialize(Reading(road) with { EventId = Guid.Empty })),
            "key-mismatch" => (kind, key, Serialize(Reading(roads[(index + 1) % roads.Count]))),
            _ => (kind, key, Serialize(Reading(road) with { RoadName = "Pho\0Hue\u0007" })),
        };
    }

    private (string, byte[]?, byte[]) UnknownRoad(string kind)
    {
        var stranger = $"poison_rd_{_random.Next():x8}";
        return (kind, Encoding.UTF8.GetBytes(stranger), Serialize(Reading(stranger)));
    }

    private TrafficReading Reading(string road) => new(
        Guid.NewGuid(), around.AddMinutes(-5 * _random.Next(0, 12)), road, "Fuzz road", 30, 50, 2, CongestionLevel.Moderate, 0.6, false, null);

    private string Json(string road) => JsonSerializer.Serialize(Reading(road), TrafficJson.Options);

    private static byte[] Serialize(TrafficReading reading) => JsonSerializer.SerializeToUtf8Bytes(reading, TrafficJson.Options);

    private DateTimeOffset ExtremeTimestamp() => _random.Next(4) switch
    {
        0 => DateTimeOffset.MinValue,
        1 => DateTimeOffset.UnixEpoch,
        2 => new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero),
        _ => around.AddYears(_random.Next(1, 50)),
    };

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        bytes[0] = (byte)(bytes[0] | 0x80); // never accidentally a valid JSON document
        return bytes;
    }

    /// <summary>Kinds as a readable list.</summary>
    public static string KindList => string.Join(", ", Kinds.Select(k => k.ToString(CultureInfo.InvariantCulture)));
}
