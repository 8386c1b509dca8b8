using TrafficOrleans.KafkaBroker.Protocol;

namespace TrafficOrleans.KafkaBroker.Handlers;

/// <summary>OffsetFetch 1–4: −1 where nothing is committed; a null topic list (v2+) means all.</summary>
internal static class OffsetFetchHandler
{
    public static void Handle(short version, ref KafkaReader reader, ResponseWriter writer, BrokerContext context)
    {
        var groupId = reader.ReadString();
        var requested = new List<(string Topic, List<int> Partitions)>();
        var topicCount = reader.ReadArrayLength();
        for (var t = 0; t < topicCount; t++)
        {
            var topic = reader.ReadString();
            var partitions = new List<int>();
            var partitionCount = reader.ReadArrayLength();
            for (var p = 0; p < partitionCount; p++)
            {
                partitions.Add(reader.ReadInt32());
            }

            requested.Add((topic, partitions));
        }

        if (topicCount < 0)
        {
            requested = context.Groups.Offsets.ForGroup(groupId)
                .GroupBy(e => e.Topic)
                .Select(g => (g.Key, g.Select(e => e.Partition).ToList()))
                .ToList();
        }

        if (version >= 3)
        {
            writer.WriteInt32(0);
        }

        writer.WriteArrayLength(requested.Count);
        foreach (var (topic, partitions) in requested)
        {
            writer.WriteString(topic);
            writer.WriteArrayLength(partitions.Count);
            foreach (var partition in partitions)
            {
                var committed = context.Groups.Offsets.Get(groupId, topic, partition);
                writer.WriteInt32(partition);
                writer.WriteInt64(committed?.Offset ?? -1);
                writer.WriteNullableString(committed?.Metadata ?? string.Empty);
                writer.WriteInt16(ErrorCode.None);
            }
        }

        if (version >= 2)
        {
            writer.WriteInt16(ErrorCode.None);
        }
    }
}
