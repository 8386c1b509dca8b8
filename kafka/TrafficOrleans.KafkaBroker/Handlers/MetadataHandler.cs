using TrafficOrleans.KafkaBroker.Protocol;
using TrafficOrleans.KafkaBroker.Storage;

namespace TrafficOrleans.KafkaBroker.Handlers;

/// <summary>Metadata 0–6, with topic auto-creation answering LEADER_NOT_AVAILABLE the first time as Kafka does.</summary>
internal static class MetadataHandler
{
    public static void Handle(short version, ref KafkaReader reader, ResponseWriter writer, BrokerContext context)
    {
        var count = reader.ReadArrayLength();
        List<string>? requested = null;
        if (count >= 0 && !(version == 0 && count == 0))
        {
            requested = new List<string>(count);
            for (var i = 0; i < count; i++)
            {
                requested.Add(reader.ReadString());
            }
        }

        var allowAutoCreate = version < 4 || reader.ReadBool();
        if (version >= 3)
        {
            writer.WriteInt32(0);
        }

        writer.WriteArrayLength(1);
        writer.WriteInt32(context.Options.NodeId);
        writer.WriteString(context.AdvertisedHost);
        writer.WriteInt32(context.AdvertisedPort);
        if (version >= 1)
        {
            writer.WriteNullableString(null);
        }

        if (version >= 2)
        {
            writer.WriteNullableString(context.Options.ClusterId);
        }

        if (version >= 1)
        {
            writer.WriteInt32(context.Options.NodeId);
        }

        if (requested is null)
        {
            var all = context.Topics.All.ToList();
            writer.WriteArrayLength(all.Count);
            foreach (var topic in all)
            {
                WriteTopic(version, writer, context, topic.Name, ErrorCode.None, topic);
            }

            return;
        }

        writer.WriteArrayLength(requested.Count);
        foreach (var name in requested)
        {
            var topic = context.Topics.Find(name);
            var error = ErrorCode.None;
            if (topic is null)
            {
                error = Resolve(name, allowAutoCreate && context.Options.AutoCreateTopics, context);
            }

            WriteTopic(version, writer, context, name, error, topic);
        }
    }

    private static short Resolve(string name, bool create, BrokerContext context)
    {
        if (!create)
        {
            return ErrorCode.UnknownTopicOrPartition;
        }

        if (!TopicName.IsValid(name) || context.Topics.CollidesWithExisting(name))
        {
            return ErrorCode.InvalidTopicException;
        }

        context.Topics.TryCreate(name, context.Options.DefaultPartitions, context.Topics.DefaultConfig);
        return ErrorCode.LeaderNotAvailable;
    }

    private static void WriteTopic(short version, ResponseWriter writer, BrokerContext context, string name, short error, Topic? topic)
    {
        writer.WriteInt16(error);
        writer.WriteString(name);
        if (version >= 1)
        {
            writer.WriteBool(false);
        }

        var partitions = error == ErrorCode.None && topic is not null ? topic.Partitions.Length : 0;
        writer.WriteArrayLength(partitions);
        for (var p = 0; p < partitions; p++)
        {
            writer.WriteInt16(ErrorCode.None);
            writer.WriteInt32(p);
            writer.WriteInt32(context.Options.NodeId);
            WriteSelf(writer, context);
            WriteSelf(writer, context);
            if (version >= 5)
            {
                writer.WriteArrayLength(0);
            }
        }
    }

    private static void WriteSelf(ResponseWriter writer, BrokerContext context)
    {
        writer.WriteArrayLength(1);
        writer.WriteInt32(context.Options.NodeId);
    }
}
