namespace TrafficOrleans.KafkaBroker.Groups;

/// <summary>A member as the group leader sees it in the JoinGroup response.</summary>
internal sealed record JoinedMember(string MemberId, string? GroupInstanceId, byte[] Metadata);
