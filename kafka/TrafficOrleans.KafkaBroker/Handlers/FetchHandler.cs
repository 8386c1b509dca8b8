using TrafficOrleans.KafkaBroker.Protocol;

namespace TrafficOrleans.KafkaBroker.Handlers;

/// <summary>
/// Fetch 4–11: whole stored batches from the one containing the fetch offset, bounded by partition
/// and request max bytes (first batch always, KIP-74); long-polls for MinBytes until MaxWaitMs.
/// </summary>
internal static class FetchHandler
{
    public static async ValueTask Handle(short version, FetchRequest request, ResponseWriter writer, BrokerContext context, CancellationToken cancellationToken)
    {
        var start = writer.Position;
        var deadline = BrokerContext.NowMs + request.MaxWaitMs;
        while (true)
        {
            // Take the signal before reading so an append racing with the read still wakes us.
            var appended = context.Topics.Signal.NextAppend;
            writer.Rewind(start);
            var (bytes, hasError) = WriteBody(version, request, writer, context);
            var remaining = deadline - BrokerContext.NowMs;
            if (bytes >= request.MinBytes || hasError || remaining <= 0)
            {
                return;
            }

            await Task.WhenAny(appended, Task.Delay(TimeSpan.FromMilliseconds(remaining), cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static (int Bytes, bool HasError) WriteBody(short version, FetchRequest request, ResponseWriter writer, BrokerContext context)
    {
        var total = 0;
        var hasError = false;
        writer.WriteInt32(0);
        if (version >= 7)
        {
            writer.WriteInt16(ErrorCode.None);
            writer.WriteInt32(0);
        }

        writer.WriteArrayLength(request.Topics.Count);
        foreach (var (topic, partitions) in request.Topics)
        {
            writer.WriteString(topic);
            writer.WriteArrayLength(partitions.Count);
            foreach (var (partition, offset, partitionMaxBytes) in partitions)
            {
                var log = context.Topics.Find(topic, partition);
                var error = log is null ? ErrorCode.UnknownTopicOrPartition
                    : offset < log.LogStartOffset || offset > log.HighWatermark ? ErrorCode.OffsetOutOfRange
                    : ErrorCode.None;
                hasError |= error != ErrorCode.None;
                writer.WriteInt32(partition);
                writer.WriteInt16(error);
                writer.WriteInt64(log?.HighWatermark ?? -1);
                writer.WriteInt64(log?.HighWatermark ?? -1);
                if (version >= 5)
                {
                    writer.WriteInt64(log?.LogStartOffset ?? -1);
                }

                writer.WriteArrayLength(0); // aborted transactions: none without transactions
                if (version >= 11)
                {
                    writer.WriteInt32(-1); // preferred read replica
                }

                var lengthAt = writer.Position;
                writer.WriteInt32(0);
                if (error == ErrorCode.None)
                {
                    var budget = Math.Min(partitionMaxBytes, request.MaxBytes - total);
                    var written = log!.Read(offset, Math.Max(budget, 0), writer, mustIncludeFirst: total == 0);
                    writer.PatchInt32(lengthAt, written);
                    total += written;
                }
            }
        }

        return (total, hasError);
    }
}
