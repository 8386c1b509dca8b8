using TrafficOrleans.KafkaBroker.Protocol;

namespace TrafficOrleans.KafkaBroker.Handlers;

/// <summary>Heartbeat 0–3: 27 while rebalancing, 25 unknown member, 22 stale generation.</summary>
internal static class HeartbeatHandler
{
    public static void Handle(short version, ref KafkaReader reader, ResponseWriter writer, BrokerContext context)
    {
        var groupId = reader.ReadString();
        var generation = reader.ReadInt32();
        var memberId = reader.ReadString();
        var error = context.Groups.Find(groupId)?.Heartbeat(memberId, generation, BrokerContext.NowMs) ?? ErrorCode.UnknownMemberId;
        if (version >= 1)
        {
            writer.WriteInt32(0);
        }

        writer.WriteInt16(error);
    }
}
