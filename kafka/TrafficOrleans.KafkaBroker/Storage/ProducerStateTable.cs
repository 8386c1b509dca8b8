namespace TrafficOrleans.KafkaBroker.Storage;

/// <summary>
/// Idempotent-producer bookkeeping for one partition: the last five batches per producer id, enough
/// to answer a retried batch with its original offset and to reject sequence gaps.
/// </summary>
internal sealed class ProducerStateTable
{
    private const int RetainedBatches = 5;
    private readonly Dictionary<long, ProducerState> _producers = [];

    /// <summary>Highest producer id seen in this partition's log, or −1.</summary>
    public long MaxProducerId { get; private set; } = -1;

    /// <summary>Returns an error code, or None; <paramref name="duplicateOffset"/> ≥ 0 for a retried batch.</summary>
    public short Check(in RecordBatchHeader header, out long duplicateOffset)
    {
        duplicateOffset = -1;
        if (header.ProducerId < 0 || !_producers.TryGetValue(header.ProducerId, out var state))
        {
            return Protocol.ErrorCode.None;
        }

        if (header.ProducerEpoch < state.Epoch)
        {
            return Protocol.ErrorCode.InvalidProducerEpoch;
        }

        if (header.ProducerEpoch > state.Epoch)
        {
            return header.BaseSequence == 0 ? Protocol.ErrorCode.None : Protocol.ErrorCode.OutOfOrderSequenceNumber;
        }

        var lastSequence = LastSequence(header);
        foreach (var retained in state.Batches)
        {
            if (retained.FirstSequence == header.BaseSequence && retained.LastSequence == lastSequence)
            {
                duplicateOffset = retained.BaseOffset;
                return Protocol.ErrorCode.None;
            }
        }

        var expected = state.Batches.Count == 0 ? 0 : NextSequence(state.Batches.Last().LastSequence);
        return header.BaseSequence == expected ? Protocol.ErrorCode.None : Protocol.ErrorCode.OutOfOrderSequenceNumber;
    }

    public void Record(in RecordBatchHeader header, long baseOffset)
    {
        if (header.ProducerId < 0)
        {
            return;
        }

        if (!_producers.TryGetValue(header.ProducerId, out var state) || state.Epoch != header.ProducerEpoch)
        {
            state = new ProducerState(header.ProducerEpoch);
            _producers[header.ProducerId] = state;
        }

        MaxProducerId = Math.Max(MaxProducerId, header.ProducerId);
        state.Batches.Enqueue(new RetainedBatch(header.BaseSequence, LastSequence(header), baseOffset));
        if (state.Batches.Count > RetainedBatches)
        {
            state.Batches.Dequeue();
        }
    }

    private static int LastSequence(in RecordBatchHeader header) =>
        (int)((header.BaseSequence + (long)header.LastOffsetDelta) % ((long)int.MaxValue + 1));

    private static int NextSequence(int sequence) => sequence == int.MaxValue ? 0 : sequence + 1;

    private sealed class ProducerState(short epoch)
    {
        public short Epoch { get; } = epoch;

        public Queue<RetainedBatch> Batches { get; } = new();
    }

    private readonly record struct RetainedBatch(int FirstSequence, int LastSequence, long BaseOffset);
}
