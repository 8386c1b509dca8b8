namespace TrafficOrleans.KafkaBroker.Groups;

/// <summary>Parsed JoinGroup request (all versions 0–5).</summary>
internal sealed record JoinRequest(
    string GroupId,
    int SessionTimeoutMs,
    int RebalanceTimeoutMs,
    string MemberId,
    string? GroupInstanceId,
    string ProtocolType,
    IReadOnlyList<GroupProtocol> Protocols,
    string ClientId,
    string ClientHost);
