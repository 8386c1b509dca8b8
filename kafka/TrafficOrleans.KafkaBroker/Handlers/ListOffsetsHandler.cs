using TrafficOrleans.KafkaBroker.Protocol;

namespace TrafficOrleans.KafkaBroker.Handlers;

/// <summary>ListOffsets 1–3: −2 log start, −1 high watermark, otherwise by timestamp.</summary>
internal static class ListOffsetsHandler
{
    private const long Earliest = -2;
    private const long Latest = -1;

    public static void Handle(short version, ref KafkaReader reader, ResponseWriter writer, BrokerContext context)
    {
        reader.ReadInt32(); // replica id
        if (version >= 2)
        {
            reader.ReadInt8(); // isolation level: LSO equals the high watermark here
            writer.WriteInt32(0);
        }

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
                var timestamp = reader.ReadInt64();
                var log = context.Topics.Find(name, partition);
                writer.WriteInt32(partition);
                writer.WriteInt16(log is null ? ErrorCode.UnknownTopicOrPartition : ErrorCode.None);
                writer.WriteInt64(-1);
                writer.WriteInt64(log is null ? -1
                    : timestamp == Earliest ? log.LogStartOffset
                    : timestamp == Latest ? log.HighWatermark
                    : log.OffsetForTimestamp(timestamp));
            }
        }
    }
}
