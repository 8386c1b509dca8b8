using TrafficOrleans.KafkaBroker.Protocol;

namespace TrafficOrleans.KafkaBroker.Handlers;

/// <summary>OffsetCommit 2–5; generation −1 on an empty group is a standalone (assign()) commit.</summary>
internal static class OffsetCommitHandler
{
    public static void Handle(short version, ref KafkaReader reader, ResponseWriter writer, BrokerContext context)
    {
        var groupId = reader.ReadString();
        var generation = reader.ReadInt32();
        var memberId = reader.ReadString();
        if (version <= 4)
        {
            reader.ReadInt64(); // retention time: committed offsets are kept until the group is gone
        }

        var groupError = groupId.Length == 0 ? ErrorCode.InvalidGroupId
            : context.Groups.GetOrCreate(groupId).ValidateCommit(memberId, generation, BrokerContext.NowMs);
        if (version >= 3)
        {
            writer.WriteInt32(0);
        }

        var topicCount = reader.ReadArrayLength();
        writer.WriteArrayLength(topicCount);
        for (var t = 0; t < topicCount; t++)
        {
            var topic = reader.ReadString();
            writer.WriteString(topic);
            var partitionCount = reader.ReadArrayLength();
            writer.WriteArrayLength(partitionCount);
            for (var p = 0; p < partitionCount; p++)
            {
                var partition = reader.ReadInt32();
                var offset = reader.ReadInt64();
                var metadata = reader.ReadNullableString();
                var error = groupError != ErrorCode.None ? groupError
                    : context.Topics.Find(topic, partition) is null ? ErrorCode.UnknownTopicOrPartition
                    : ErrorCode.None;
                if (error == ErrorCode.None)
                {
                    context.Groups.Offsets.Commit(groupId, topic, partition, offset, metadata);
                }

                writer.WriteInt32(partition);
                writer.WriteInt16(error);
            }
        }
    }
}
