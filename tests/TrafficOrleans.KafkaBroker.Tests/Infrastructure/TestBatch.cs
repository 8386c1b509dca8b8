using System.Buffers.Binary;
using System.Text;
using TrafficOrleans.KafkaBroker.Storage;

namespace TrafficOrleans.KafkaBroker.Tests.Infrastructure;

/// <summary>Encodes an uncompressed RecordBatch v2 as a client would (baseOffset 0, CRC-32C).</summary>
public static class TestBatch
{
    public static byte[] Create(IReadOnlyList<string> values, long producerId = -1, short producerEpoch = -1, int baseSequence = -1, long timestamp = 1_700_000_000_000)
    {
        var records = new MemoryStream();
        for (var i = 0; i < values.Count; i++)
        {
            var value = Encoding.UTF8.GetBytes(values[i]);
            var record = new MemoryStream();
            record.WriteByte(0); // attributes
            WriteVarLong(record, 0); // timestamp delta
            WriteVarLong(record, i); // offset delta
            WriteVarLong(record, -1); // null key
            WriteVarLong(record, value.Length);
            record.Write(value);
            WriteVarLong(record, 0); // headers
            WriteVarLong(records, record.Length);
            record.WriteTo(records);
        }

        var batch = new byte[RecordBatchHeader.Size + records.Length];
        var span = batch.AsSpan();
        BinaryPrimitives.WriteInt32BigEndian(span[8..], batch.Length - 12);
        span[16] = 2; // magic
        BinaryPrimitives.WriteInt32BigEndian(span[23..], values.Count - 1);
        BinaryPrimitives.WriteInt64BigEndian(span[27..], timestamp);
        BinaryPrimitives.WriteInt64BigEndian(span[35..], timestamp);
        BinaryPrimitives.WriteInt64BigEndian(span[43..], producerId);
        BinaryPrimitives.WriteInt16BigEndian(span[51..], producerEpoch);
        BinaryPrimitives.WriteInt32BigEndian(span[53..], baseSequence);
        BinaryPrimitives.WriteInt32BigEndian(span[57..], values.Count);
        records.ToArray().CopyTo(span[RecordBatchHeader.Size..]);
        BinaryPrimitives.WriteUInt32BigEndian(span[17..], Crc32C.Compute(span[21..]));
        return batch;
    }

    private static void WriteVarLong(Stream stream, long value)
    {
        var zigZag = (ulong)((value << 1) ^ (value >> 63));
        while (zigZag >= 0x80)
        {
            stream.WriteByte((byte)(zigZag | 0x80));
            zigZag >>= 7;
        }

        stream.WriteByte((byte)zigZag);
    }
}
