using System.Buffers.Binary;

namespace TrafficOrleans.KafkaBroker.Storage;

/// <summary>The fixed 61-byte header of a RecordBatch v2; records after it stay opaque.</summary>
internal readonly struct RecordBatchHeader
{
    public const int Size = 61;
    public const int LengthFieldEnd = 12;
    private const int CrcStart = 21;

    private RecordBatchHeader(ReadOnlySpan<byte> span)
    {
        BaseOffset = BinaryPrimitives.ReadInt64BigEndian(span);
        BatchLength = BinaryPrimitives.ReadInt32BigEndian(span[8..]);
        Magic = (sbyte)span[16];
        Crc = BinaryPrimitives.ReadUInt32BigEndian(span[17..]);
        Attributes = BinaryPrimitives.ReadInt16BigEndian(span[21..]);
        LastOffsetDelta = BinaryPrimitives.ReadInt32BigEndian(span[23..]);
        BaseTimestamp = BinaryPrimitives.ReadInt64BigEndian(span[27..]);
        MaxTimestamp = BinaryPrimitives.ReadInt64BigEndian(span[35..]);
        ProducerId = BinaryPrimitives.ReadInt64BigEndian(span[43..]);
        ProducerEpoch = BinaryPrimitives.ReadInt16BigEndian(span[51..]);
        BaseSequence = BinaryPrimitives.ReadInt32BigEndian(span[53..]);
        RecordCount = BinaryPrimitives.ReadInt32BigEndian(span[57..]);
    }

    public long BaseOffset { get; }

    public int BatchLength { get; }

    public sbyte Magic { get; }

    public uint Crc { get; }

    public short Attributes { get; }

    public int LastOffsetDelta { get; }

    public long BaseTimestamp { get; }

    public long MaxTimestamp { get; }

    public long ProducerId { get; }

    public short ProducerEpoch { get; }

    public int BaseSequence { get; }

    public int RecordCount { get; }

    /// <summary>Whole batch size on the wire, including baseOffset and batchLength.</summary>
    public int TotalSize => BatchLength + LengthFieldEnd;

    public int Codec => Attributes & 0x7;

    public bool IsTransactional => (Attributes & 0x10) != 0;

    public bool IsControl => (Attributes & 0x20) != 0;

    public static RecordBatchHeader Read(ReadOnlySpan<byte> span) => new(span);

    /// <summary>The CRC covers attributes to the end, so baseOffset may be rewritten freely.</summary>
    public static bool HasValidCrc(ReadOnlySpan<byte> batch) =>
        BinaryPrimitives.ReadUInt32BigEndian(batch[17..]) == Crc32C.Compute(batch[CrcStart..]);

    public static void SetBaseOffset(Span<byte> batch, long baseOffset) => BinaryPrimitives.WriteInt64BigEndian(batch, baseOffset);
}
