namespace TrafficOrleans.KafkaBroker.Groups;

/// <summary>Point-in-time view of one member for DescribeGroups.</summary>
internal sealed record GroupMemberSnapshot(string MemberId, string? GroupInstanceId, string ClientId, string ClientHost, byte[] Metadata, byte[] Assignment);
