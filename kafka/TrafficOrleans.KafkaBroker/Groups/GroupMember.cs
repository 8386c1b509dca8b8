namespace TrafficOrleans.KafkaBroker.Groups;

/// <summary>A joined member and its in-flight join/sync calls.</summary>
internal sealed class GroupMember(string memberId)
{
    public string MemberId { get; } = memberId;

    public string? GroupInstanceId { get; set; }

    public string ClientId { get; set; } = string.Empty;

    public string ClientHost { get; set; } = string.Empty;

    public int SessionTimeoutMs { get; set; }

    public int RebalanceTimeoutMs { get; set; }

    public IReadOnlyList<GroupProtocol> Protocols { get; set; } = [];

    public long LastSeenMs { get; set; }

    public byte[] Assignment { get; set; } = [];

    public TaskCompletionSource<JoinResult>? PendingJoin { get; set; }

    public TaskCompletionSource<SyncResult>? PendingSync { get; set; }

    public byte[] MetadataFor(string? protocol) => Protocols.FirstOrDefault(p => p.Name == protocol)?.Metadata ?? [];
}
