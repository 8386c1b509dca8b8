using TrafficOrleans.KafkaBroker.Protocol;

namespace TrafficOrleans.KafkaBroker.Storage;

/// <summary>Walks the records of an uncompressed batch to find an offset by timestamp (ListOffsets).</summary>
internal static class RecordTimestamps
{
    /// <summary>First offset in the batch with timestamp ≥ <paramref name="timestamp"/>, or −1.</summary>
    public static long FirstOffsetAtOrAfter(ReadOnlySpan<byte> batch, long timestamp)
    {
        var header = RecordBatchHeader.Read(batch);
        if (header.Codec != 0)
        {
            // Compressed batches stay opaque: the batch's first offset is the best honest answer.
            return header.BaseOffset;
        }

        var position = RecordBatchHeader.Size;
        for (var i = 0; i < header.RecordCount && position < batch.Length; i++)
        {
            var length = (int)VarInt.ReadZigZag(batch, ref position);
            var recordStart = position;
            position++; // attributes
            var timestampDelta = VarInt.ReadZigZag(batch, ref position);
            var offsetDelta = VarInt.ReadZigZag(batch, ref position);
            if (header.BaseTimestamp + timestampDelta >= timestamp)
            {
                return header.BaseOffset + offsetDelta;
            }

            position = recordStart + length;
        }

        return -1;
    }
}
