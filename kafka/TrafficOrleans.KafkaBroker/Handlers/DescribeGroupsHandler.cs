using TrafficOrleans.KafkaBroker.Groups;
using TrafficOrleans.KafkaBroker.Protocol;

namespace TrafficOrleans.KafkaBroker.Handlers;

/// <summary>DescribeGroups 0–4; unknown groups are reported as Dead, as Kafka does.</summary>
internal static class DescribeGroupsHandler
{
    private const int AuthorizedOperationsOmitted = int.MinValue;

    public static void Handle(short version, ref KafkaReader reader, ResponseWriter writer, BrokerContext context)
    {
        var ids = reader.ReadStringArray();

        if (version >= 1)
        {
            writer.WriteInt32(0);
        }

        writer.WriteArrayLength(ids.Count);
        foreach (var id in ids)
        {
            var snapshot = context.Groups.Find(id)?.Snapshot() ?? new GroupSnapshot(id, GroupState.Dead, string.Empty, string.Empty, []);
            writer.WriteInt16(ErrorCode.None);
            writer.WriteString(id);
            writer.WriteString(snapshot.State.ToString());
            writer.WriteString(snapshot.ProtocolType);
            writer.WriteString(snapshot.ProtocolName);
            writer.WriteArrayLength(snapshot.Members.Count);
            foreach (var member in snapshot.Members)
            {
                writer.WriteString(member.MemberId);
                if (version >= 4)
                {
                    writer.WriteNullableString(member.GroupInstanceId);
                }

                writer.WriteString(member.ClientId);
                writer.WriteString(member.ClientHost);
                writer.WriteBytes(member.Metadata);
                writer.WriteBytes(member.Assignment);
            }

            if (version >= 3)
            {
                writer.WriteInt32(AuthorizedOperationsOmitted);
            }
        }
    }
}
