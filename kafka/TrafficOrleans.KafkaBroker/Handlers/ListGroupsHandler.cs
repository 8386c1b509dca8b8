using TrafficOrleans.KafkaBroker.Protocol;

namespace TrafficOrleans.KafkaBroker.Handlers;

/// <summary>ListGroups 0–2: every group with members or committed offsets.</summary>
internal static class ListGroupsHandler
{
    public static void Handle(short version, ResponseWriter writer, BrokerContext context)
    {
        if (version >= 1)
        {
            writer.WriteInt32(0);
        }

        var ids = context.Groups.GroupIds.ToList();
        writer.WriteInt16(ErrorCode.None);
        writer.WriteArrayLength(ids.Count);
        foreach (var id in ids)
        {
            writer.WriteString(id);
            writer.WriteString(context.Groups.Find(id)?.ProtocolType ?? string.Empty);
        }
    }
}
