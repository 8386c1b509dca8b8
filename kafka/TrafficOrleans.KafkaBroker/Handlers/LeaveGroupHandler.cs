using TrafficOrleans.KafkaBroker.Protocol;

namespace TrafficOrleans.KafkaBroker.Handlers;

/// <summary>LeaveGroup 0–3 (v3 leaves several members at once); leaving triggers a rebalance.</summary>
internal static class LeaveGroupHandler
{
    public static void Handle(short version, ref KafkaReader reader, ResponseWriter writer, BrokerContext context)
    {
        var group = context.Groups.Find(reader.ReadString());
        var members = new List<(string MemberId, string? InstanceId)>();
        if (version >= 3)
        {
            var count = reader.ReadArrayLength();
            for (var i = 0; i < count; i++)
            {
                members.Add((reader.ReadString(), reader.ReadNullableString()));
            }
        }
        else
        {
            members.Add((reader.ReadString(), null));
        }

        var errors = members.Select(m => group?.Leave(m.MemberId, BrokerContext.NowMs) ?? ErrorCode.UnknownMemberId).ToList();
        if (version >= 1)
        {
            writer.WriteInt32(0);
        }

        if (version < 3)
        {
            writer.WriteInt16(errors[0]);
            return;
        }

        writer.WriteInt16(ErrorCode.None);
        writer.WriteArrayLength(members.Count);
        for (var i = 0; i < members.Count; i++)
        {
            writer.WriteString(members[i].MemberId);
            writer.WriteNullableString(members[i].InstanceId);
            writer.WriteInt16(errors[i]);
        }
    }
}
