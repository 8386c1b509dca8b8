using TrafficOrleans.KafkaBroker.Groups;
using TrafficOrleans.KafkaBroker.Protocol;

namespace TrafficOrleans.KafkaBroker.Handlers;

/// <summary>SyncGroup 0–3: followers wait for the leader's assignments.</summary>
internal static class SyncGroupHandler
{
    public static SyncGroupRequest Parse(short version, ref KafkaReader reader)
    {
        var groupId = reader.ReadString();
        var generation = reader.ReadInt32();
        var memberId = reader.ReadString();
        if (version >= 3)
        {
            reader.ReadNullableString(); // group instance id: static membership is not offered
        }

        var assignments = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var count = reader.ReadArrayLength();
        for (var i = 0; i < count; i++)
        {
            assignments[reader.ReadString()] = reader.ReadBytes();
        }

        return new SyncGroupRequest(groupId, generation, memberId, assignments);
    }

    public static async ValueTask Handle(short version, SyncGroupRequest request, ResponseWriter writer, BrokerContext context)
    {
        var group = context.Groups.Find(request.GroupId);
        var result = group is null
            ? new SyncResult(ErrorCode.UnknownMemberId, [])
            : await group.Sync(request.MemberId, request.GenerationId, request.Assignments, BrokerContext.NowMs);
        if (version >= 1)
        {
            writer.WriteInt32(0);
        }

        writer.WriteInt16(result.ErrorCode);
        writer.WriteBytes(result.Assignment);
    }
}
