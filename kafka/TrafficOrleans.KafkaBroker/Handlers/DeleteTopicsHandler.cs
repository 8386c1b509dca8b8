using TrafficOrleans.KafkaBroker.Protocol;

namespace TrafficOrleans.KafkaBroker.Handlers;

/// <summary>DeleteTopics 0–3.</summary>
internal static class DeleteTopicsHandler
{
    public static void Handle(short version, ref KafkaReader reader, ResponseWriter writer, BrokerContext context)
    {
        var names = reader.ReadStringArray();

        if (version >= 1)
        {
            writer.WriteInt32(0);
        }

        writer.WriteArrayLength(names.Count);
        foreach (var name in names)
        {
            writer.WriteString(name);
            writer.WriteInt16(context.Topics.TryDelete(name) ? ErrorCode.None : ErrorCode.UnknownTopicOrPartition);
        }
    }
}
