namespace TrafficOrleans.KafkaBroker.Groups;

/// <summary>What a JoinGroup call answers; <see cref="Members"/> is non-empty only for the leader.</summary>
internal sealed record JoinResult(short ErrorCode, int GenerationId, string ProtocolName, string Leader, string MemberId, IReadOnlyList<JoinedMember> Members)
{
    public static JoinResult Failed(short errorCode, string memberId = "") => new(errorCode, -1, string.Empty, string.Empty, memberId, []);
}
