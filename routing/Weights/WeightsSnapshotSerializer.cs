using System.Buffers.Binary;

namespace TrafficOrleans.Routing.Weights;

/// <summary>
/// Compact binary form of a weights snapshot (the Redis value of <c>graph:hanoi:current</c>), little-endian:
/// magic <c>TOWS</c>, format version (u16), graph fingerprint (u64), timestamp (UTC ticks, i64), road count (i32),
/// then per road its speeds now/+10/+20/+30 as four float32 km/h. Edge times are derived on load, so only the
/// canonical per-road state is stored (16 bytes a road). The fingerprint refuses a snapshot of another graph.
/// </summary>
public static class WeightsSnapshotSerializer
{
    /// <summary>Current format version; readers reject others rather than guess.</summary>
    public const ushort FormatVersion = 1;

    private const int HeaderSize = 4 + 2 + 8 + 8 + 4;
    private const int BytesPerRoad = 4 * sizeof(float);
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
        foreach (var speeds in snapshot.RoadSpeeds)
        {
            for (var bucket = 0; bucket < ForecastBuckets.Count; bucket++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(span[offset..], speeds[bucket]);
                offset += sizeof(float);
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
        if (format != FormatVersion) throw new InvalidDataException($"Weights snapshot format {format} is not supported (expected {FormatVersion}).");
        var fingerprint = BinaryPrimitives.ReadUInt64LittleEndian(bytes[6..]);
        if (fingerprint != network.Graph.Fingerprint) throw new InvalidDataException("The weights snapshot was saved for another road graph.");
        var ticks = BinaryPrimitives.ReadInt64LittleEndian(bytes[14..]);
        var roadCount = BinaryPrimitives.ReadInt32LittleEndian(bytes[22..]);
        if (roadCount != network.Graph.RoadCount || bytes.Length != HeaderSize + ((long)roadCount * BytesPerRoad))
        {
            throw new InvalidDataException($"The weights snapshot has {roadCount} roads in {bytes.Length} bytes; the graph has {network.Graph.RoadCount} roads.");
        }

        var speeds = new HorizonValues[roadCount];
        var offset = HeaderSize;
        for (var r = 0; r < roadCount; r++, offset += BytesPerRoad)
        {
            speeds[r] = new HorizonValues(
                WeightsSnapshot.Clamp(BinaryPrimitives.ReadSingleLittleEndian(bytes[offset..])),
                WeightsSnapshot.Clamp(BinaryPrimitives.ReadSingleLittleEndian(bytes[(offset + 4)..])),
                WeightsSnapshot.Clamp(BinaryPrimitives.ReadSingleLittleEndian(bytes[(offset + 8)..])),
                WeightsSnapshot.Clamp(BinaryPrimitives.ReadSingleLittleEndian(bytes[(offset + 12)..])));
        }

        return WeightsSnapshot.FromRoadSpeeds(network, new DateTimeOffset(ticks, TimeSpan.Zero), speeds);
    }
}
