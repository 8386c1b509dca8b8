namespace TrafficOrleans.KafkaBroker.Groups;

/// <summary>Point-in-time view of a group for DescribeGroups/ListGroups.</summary>
internal sealed record GroupSnapshot(string GroupId, GroupState State, string ProtocolType, string ProtocolName, IReadOnlyList<GroupMemberSnapshot> Members);
