using TrafficOrleans.KafkaBroker.Groups;
using TrafficOrleans.KafkaBroker.Protocol;

namespace TrafficOrleans.KafkaBroker.Handlers;

/// <summary>JoinGroup 0–5; the response waits until the rebalance completes.</summary>
internal static class JoinGroupHandler
{
    public static JoinRequest Parse(short version, ref KafkaReader reader, string? clientId, string clientHost)
    {
        var groupId = reader.ReadString();
        var sessionTimeout = reader.ReadInt32();
        var rebalanceTimeout = version >= 1 ? reader.ReadInt32() : sessionTimeout;
        var memberId = reader.ReadString();
        var groupInstanceId = version >= 5 ? reader.ReadNullableString() : null;
        var protocolType = reader.ReadString();
        var count = reader.ReadArrayLength();
        var protocols = new List<GroupProtocol>(Math.Max(count, 0));
        for (var i = 0; i < count; i++)
        {
            protocols.Add(new GroupProtocol(reader.ReadString(), reader.ReadBytes()));
        }

        return new JoinRequest(groupId, sessionTimeout, rebalanceTimeout, memberId, groupInstanceId, protocolType, protocols, clientId ?? string.Empty, clientHost);
    }

    public static async ValueTask Handle(short version, JoinRequest request, ResponseWriter writer, BrokerContext context)
    {
        var result = request.GroupId.Length == 0
            ? JoinResult.Failed(ErrorCode.InvalidGroupId, request.MemberId)
            : await context.Groups.GetOrCreate(request.GroupId).Join(request, version, BrokerContext.NowMs);
        if (version >= 2)
        {
            writer.WriteInt32(0);
        }

        writer.WriteInt16(result.ErrorCode);
        writer.WriteInt32(result.GenerationId);
        writer.WriteString(result.ProtocolName);
        writer.WriteString(result.Leader);
        writer.WriteString(result.MemberId);
        writer.WriteArrayLength(result.Members.Count);
        foreach (var member in result.Members)
        {
            writer.WriteString(member.MemberId);
            if (version >= 5)
            {
                writer.WriteNullableString(member.GroupInstanceId);
            }

            writer.WriteBytes(member.Metadata);
        }
    }
}
