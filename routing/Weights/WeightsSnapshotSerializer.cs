using System.Buffers.Binary;

namespace TrafficOrleans.Routing.Weights;

/// <summary>
/// Compact binary form of a weights snapshot (the Redis value of <c>graph:hanoi:current</c>), little-endian:
/// magic <c>TOWS</c>, format version (u16), graph fingerprint (u64), timestamp (UTC ticks, i64), road count (i32),
/// then per road its speeds now/+10/+20/+30 as four float32 km/h and (format 2) the low and high ends of its speed
/// range at +10/+20/+30 as six float32 (low, high per horizon). Edge times are derived on load, so only the
/// canonical per-road state is stored (40 bytes a road; format 1, without ranges, 16 — still read, as roads without
/// a range). The fingerprint refuses a snapshot of another graph.
/// </summary>
public static class WeightsSnapshotSerializer
{
    /// <summary>Current format version; readers reject others rather than guess.</summary>
    public const ushort FormatVersion = 2;

    private const ushort FormatWithoutRanges = 1;
    private const int HeaderSize = 4 + 2 + 8 + 8 + 4;
    private const int SpeedBytes = ForecastBuckets.Count * sizeof(float);
    private const int BytesPerRoad = SpeedBytes + (2 * (ForecastBuckets.Count - 1) * sizeof(float));
    private static ReadOnlySpan<byte> Magic => "TOWS"u8;

    /// <summary>Serialized size of a snapshot.</summary>
    public static int SizeOf(WeightsSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return HeaderSize + (snapshot.RoadSpeeds.Length * BytesPerRoad);
    }

    /// <summary>Serializes a snapshot into a new array.</summary>
    public static byte[] Serialize(WeightsSnapshot snapshot)
    {
        var bytes = new byte[SizeOf(snapshot)];
        var span = bytes.AsSpan();
        Magic.CopyTo(span);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], FormatVersion);
        BinaryPrimitives.WriteUInt64LittleEndian(span[6..], snapshot.Graph.Fingerprint);
        BinaryPrimitives.WriteInt64LittleEndian(span[14..], snapshot.Timestamp.UtcTicks);
        BinaryPrimitives.WriteInt32LittleEndian(span[22..], snapshot.RoadSpeeds.Length);
        var offset = HeaderSize;
        for (var r = 0; r < snapshot.RoadSpeeds.Length; r++)
        {
            for (var bucket = 0; bucket < ForecastBuckets.Count; bucket++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(span[offset..], snapshot.RoadSpeeds[r][bucket]);
                offset += sizeof(float);
            }

            // "Now" has no range: it is the measured speed.
            for (var bucket = 1; bucket < ForecastBuckets.Count; bucket++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(span[offset..], snapshot.LowSpeeds[r][bucket]);
                BinaryPrimitives.WriteSingleLittleEndian(span[(offset + sizeof(float))..], snapshot.HighSpeeds[r][bucket]);
                offset += 2 * sizeof(float);
            }
        }

        return bytes;
    }

    /// <summary>Reads a snapshot for <paramref name="network"/>; throws <see cref="InvalidDataException"/> when it does not fit.</summary>
    public static WeightsSnapshot Deserialize(ReadOnlySpan<byte> bytes, RoutingNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (bytes.Length < HeaderSize || !bytes[..4].SequenceEqual(Magic)) throw new InvalidDataException("Not a TrafficOrleans weights snapshot.");
        var format = BinaryPrimitives.ReadUInt16LittleEndian(bytes[4..]);
        if (format is not (FormatVersion or FormatWithoutRanges)) throw new InvalidDataException($"Weights snapshot format {format} is not supported (expected {FormatVersion}).");
        var fingerprint = BinaryPrimitives.ReadUInt64LittleEndian(bytes[6..]);
        if (fingerprint != network.Graph.Fingerprint) throw new InvalidDataException("The weights snapshot was saved for another road graph.");
        var ticks = BinaryPrimitives.ReadInt64LittleEndian(bytes[14..]);
        var roadCount = BinaryPrimitives.ReadInt32LittleEndian(bytes[22..]);
        var bytesPerRoad = format == FormatVersion ? BytesPerRoad : SpeedBytes;
        if (roadCount != network.Graph.RoadCount || bytes.Length != HeaderSize + ((long)roadCount * bytesPerRoad))
        {
            throw new InvalidDataException($"The weights snapshot has {roadCount} roads in {bytes.Length} bytes; the graph has {network.Graph.RoadCount} roads.");
        }

        var speeds = new HorizonValues[roadCount];
        if (format == FormatWithoutRanges)
        {
            for (var r = 0; r < roadCount; r++) speeds[r] = ReadSpeeds(bytes[(HeaderSize + (r * SpeedBytes))..]);
            return WeightsSnapshot.FromRoadSpeeds(network, new DateTimeOffset(ticks, TimeSpan.Zero), speeds);
        }

        var low = new HorizonValues[roadCount];
        var high = new HorizonValues[roadCount];
        for (var r = 0; r < roadCount; r++)
        {
            var road = bytes[(HeaderSize + (r * BytesPerRoad))..];
            speeds[r] = ReadSpeeds(road);
            var range = road[SpeedBytes..];
            var interval = new SpeedInterval(
                ReadSingle(range, 0), ReadSingle(range, 1), ReadSingle(range, 2), ReadSingle(range, 3), ReadSingle(range, 4), ReadSingle(range, 5));
            (low[r], high[r]) = WeightsSnapshot.RangeOf(speeds[r], interval);
        }

        return WeightsSnapshot.FromRoadSpeeds(network, new DateTimeOffset(ticks, TimeSpan.Zero), speeds, (low, high));
    }

    private static HorizonValues ReadSpeeds(ReadOnlySpan<byte> road) => new(
        WeightsSnapshot.Clamp(ReadSingle(road, 0)),
        WeightsSnapshot.Clamp(ReadSingle(road, 1)),
        WeightsSnapshot.Clamp(ReadSingle(road, 2)),
        WeightsSnapshot.Clamp(ReadSingle(road, 3)));

    private static float ReadSingle(ReadOnlySpan<byte> bytes, int index) => BinaryPrimitives.ReadSingleLittleEndian(bytes[(index * sizeof(float))..]);
}
