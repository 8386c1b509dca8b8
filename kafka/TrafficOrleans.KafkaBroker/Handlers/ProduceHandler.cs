using TrafficOrleans.KafkaBroker.Protocol;

namespace TrafficOrleans.KafkaBroker.Handlers;

/// <summary>
/// Produce 3–7. The response is written while the request is read: batches go straight from the
/// request frame into the log without parsing records. Returns false for acks=0 (no response).
/// </summary>
internal static class ProduceHandler
{
    public static bool Handle(short version, ref KafkaReader reader, ResponseWriter writer, BrokerContext context)
    {
        reader.ReadNullableString(); // transactional id: transactions are not supported
        var acks = reader.ReadInt16();
        reader.ReadInt32(); // timeout: appends are synchronous
        var validAcks = acks is -1 or 0 or 1;
        var topicCount = reader.ReadArrayLength();
        writer.WriteArrayLength(topicCount);
        for (var t = 0; t < topicCount; t++)
        {
            var name = reader.ReadString();
            writer.WriteString(name);
            var partitionCount = reader.ReadArrayLength();
            writer.WriteArrayLength(partitionCount);
            for (var p = 0; p < partitionCount; p++)
            {
                var partition = reader.ReadInt32();
                var records = reader.ReadBytesSpan();
                var log = context.Topics.Find(name, partition);
                var result = !validAcks ? new Storage.AppendResult(ErrorCode.InvalidRequiredAcks, -1, -1)
                    : log is null ? new Storage.AppendResult(ErrorCode.UnknownTopicOrPartition, -1, -1)
                    : log.Append(records);
                writer.WriteInt32(partition);
                writer.WriteInt16(result.ErrorCode);
                writer.WriteInt64(result.BaseOffset);
                writer.WriteInt64(-1); // log append time: topics use CreateTime
                if (version >= 5)
                {
                    writer.WriteInt64(result.LogStartOffset);
                }
            }
        }

        writer.WriteInt32(0);
        return acks != 0;
    }
}
