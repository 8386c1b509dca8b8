using TrafficOrleans.KafkaBroker.Protocol;

namespace TrafficOrleans.KafkaBroker.Groups;

/// <summary>
/// A classic consumer group (Empty → PreparingRebalance → CompletingRebalance → Stable). Joins are
/// held until every known member rejoined or the rebalance timeout passed; time-based transitions
/// happen in <see cref="Tick"/>.
/// </summary>
internal sealed class ConsumerGroup(string groupId, TimeSpan initialRebalanceDelay)
{
    private const int MinSessionTimeoutMs = 6_000;
    private const int MaxSessionTimeoutMs = 1_800_000;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, GroupMember> _members = [];
    private readonly Dictionary<string, long> _pendingMemberExpiry = [];
    private long _rebalanceDeadlineMs;
    private long _rebalanceEarliestMs;

    public string GroupId { get; } = groupId;

    public GroupState State { get; private set; } = GroupState.Empty;

    public int GenerationId { get; private set; }

    public string? ProtocolType { get; private set; }

    public string? ProtocolName { get; private set; }

    public string? Leader { get; private set; }

    public Task<JoinResult> Join(JoinRequest request, short version, long nowMs)
    {
        lock (_lock)
        {
            if (request.SessionTimeoutMs is < MinSessionTimeoutMs or > MaxSessionTimeoutMs)
            {
                return Task.FromResult(JoinResult.Failed(ErrorCode.InvalidSessionTimeout, request.MemberId));
            }

            if (!IsCompatible(request))
            {
                return Task.FromResult(JoinResult.Failed(ErrorCode.InconsistentGroupProtocol, request.MemberId));
            }

            var memberId = request.MemberId;
            if (memberId.Length == 0)
            {
                memberId = $"{request.ClientId}-{Guid.NewGuid():N}";
                if (version >= 4)
                {
                    // KIP-394: the client must come back with this id before it counts as a member.
                    _pendingMemberExpiry[memberId] = nowMs + request.SessionTimeoutMs;
                    return Task.FromResult(JoinResult.Failed(ErrorCode.MemberIdRequired, memberId));
                }
            }
            else if (!_members.ContainsKey(memberId) && !_pendingMemberExpiry.Remove(memberId))
            {
                return Task.FromResult(JoinResult.Failed(ErrorCode.UnknownMemberId, memberId));
            }

            if (!_members.TryGetValue(memberId, out var member))
            {
                member = new GroupMember(memberId);
                _members[memberId] = member;
            }

            member.GroupInstanceId = request.GroupInstanceId;
            member.ClientId = request.ClientId;
            member.ClientHost = request.ClientHost;
            member.SessionTimeoutMs = request.SessionTimeoutMs;
            member.RebalanceTimeoutMs = request.RebalanceTimeoutMs;
            member.Protocols = request.Protocols;
            member.LastSeenMs = nowMs;
            member.PendingJoin?.TrySetResult(JoinResult.Failed(ErrorCode.UnknownMemberId, memberId));
            member.PendingJoin = new TaskCompletionSource<JoinResult>(TaskCreationOptions.RunContinuationsAsynchronously);
            ProtocolType = request.ProtocolType;
            if (State != GroupState.PreparingRebalance)
            {
                PrepareRebalance(nowMs);
            }

            var pending = member.PendingJoin.Task;
            TryCompleteJoin(nowMs);
            return pending;
        }
    }

    public Task<SyncResult> Sync(string memberId, int generationId, IReadOnlyDictionary<string, byte[]> assignments, long nowMs)
    {
        lock (_lock)
        {
            if (!_members.TryGetValue(memberId, out var member))
            {
                return Task.FromResult(new SyncResult(ErrorCode.UnknownMemberId, []));
            }

            if (generationId != GenerationId)
            {
                return Task.FromResult(new SyncResult(ErrorCode.IllegalGeneration, []));
            }

            member.LastSeenMs = nowMs;
            switch (State)
            {
                case GroupState.Stable:
                    return Task.FromResult(new SyncResult(ErrorCode.None, member.Assignment));
                case GroupState.CompletingRebalance:
                    member.PendingSync = new TaskCompletionSource<SyncResult>(TaskCreationOptions.RunContinuationsAsynchronously);
                    var pending = member.PendingSync.Task;
                    if (memberId == Leader)
                    {
                        CompleteSync(assignments);
                    }

                    return pending;
                default:
                    return Task.FromResult(new SyncResult(ErrorCode.RebalanceInProgress, []));
            }
        }
    }

    public short Heartbeat(string memberId, int generationId, long nowMs)
    {
        lock (_lock)
        {
            if (!_members.TryGetValue(memberId, out var member))
            {
                return ErrorCode.UnknownMemberId;
            }

            if (generationId != GenerationId)
            {
                return ErrorCode.IllegalGeneration;
            }

            member.LastSeenMs = nowMs;
            return State == GroupState.PreparingRebalance ? ErrorCode.RebalanceInProgress : ErrorCode.None;
        }
    }

    public short Leave(string memberId, long nowMs)
    {
        lock (_lock)
        {
            if (!_members.TryGetValue(memberId, out var member))
            {
                return _pendingMemberExpiry.Remove(memberId) ? ErrorCode.None : ErrorCode.UnknownMemberId;
            }

            Remove(member, nowMs);
            return ErrorCode.None;
        }
    }

    /// <summary>OffsetCommit rules; generation −1 on an empty group is an assign()-based standalone commit.</summary>
    public short ValidateCommit(string memberId, int generationId, long nowMs)
    {
        lock (_lock)
        {
            if (generationId < 0 && State == GroupState.Empty)
            {
                return ErrorCode.None;
            }

            if (!_members.TryGetValue(memberId, out var member))
            {
                return ErrorCode.UnknownMemberId;
            }

            if (generationId != GenerationId)
            {
                return ErrorCode.IllegalGeneration;
            }

            if (State == GroupState.CompletingRebalance)
            {
                return ErrorCode.RebalanceInProgress;
            }

            member.LastSeenMs = nowMs;
            return ErrorCode.None;
        }
    }

    /// <summary>Expires silent members and pending ids, and completes rebalances whose wait is over.</summary>
    public void Tick(long nowMs)
    {
        lock (_lock)
        {
            foreach (var (id, expiry) in _pendingMemberExpiry.Where(p => p.Value < nowMs).ToList())
            {
                _pendingMemberExpiry.Remove(id);
            }

            var expired = _members.Values
                .Where(m => m.PendingJoin is null && m.PendingSync is null && nowMs - m.LastSeenMs > m.SessionTimeoutMs)
                .ToList();
            foreach (var member in expired)
            {
                Remove(member, nowMs);
            }

            TryCompleteJoin(nowMs);
        }
    }

    public GroupSnapshot Snapshot()
    {
        lock (_lock)
        {
            var members = _members.Values
                .Select(m => new GroupMemberSnapshot(m.MemberId, m.GroupInstanceId, m.ClientId, m.ClientHost, m.MetadataFor(ProtocolName), m.Assignment))
                .ToList();
            return new GroupSnapshot(GroupId, State, ProtocolType ?? string.Empty, ProtocolName ?? string.Empty, members);
        }
    }

    private bool IsCompatible(JoinRequest request)
    {
        if (request.Protocols.Count == 0 || request.ProtocolType.Length == 0)
        {
            return false;
        }

        var others = _members.Values.Where(m => m.MemberId != request.MemberId).ToList();
        if (others.Count == 0)
        {
            return true;
        }

        return request.ProtocolType == ProtocolType
            && request.Protocols.Any(p => others.All(m => m.Protocols.Any(o => o.Name == p.Name)));
    }

    private void PrepareRebalance(long nowMs)
    {
        foreach (var member in _members.Values)
        {
            member.PendingSync?.TrySetResult(new SyncResult(ErrorCode.RebalanceInProgress, []));
            member.PendingSync = null;
        }

        var wasEmpty = State == GroupState.Empty;
        State = GroupState.PreparingRebalance;
        var rebalanceTimeout = _members.Values.Select(m => m.RebalanceTimeoutMs).DefaultIfEmpty(0).Max();
        _rebalanceDeadlineMs = nowMs + rebalanceTimeout;
        _rebalanceEarliestMs = wasEmpty ? nowMs + (long)initialRebalanceDelay.TotalMilliseconds : nowMs;
    }

    private void TryCompleteJoin(long nowMs)
    {
        if (State != GroupState.PreparingRebalance)
        {
            return;
        }

        var allJoined = _pendingMemberExpiry.Count == 0 && _members.Values.All(m => m.PendingJoin is not null);
        if (!(allJoined && nowMs >= _rebalanceEarliestMs) && nowMs < _rebalanceDeadlineMs)
        {
            return;
        }

        foreach (var late in _members.Values.Where(m => m.PendingJoin is null).ToList())
        {
            _members.Remove(late.MemberId);
        }

        GenerationId++;
        if (_members.Count == 0)
        {
            State = GroupState.Empty;
            ProtocolName = null;
            Leader = null;
            return;
        }

        ProtocolName = VoteProtocol();
        Leader = Leader is not null && _members.ContainsKey(Leader) ? Leader : _members.Keys.First();
        State = GroupState.CompletingRebalance;
        var everyone = _members.Values.Select(m => new JoinedMember(m.MemberId, m.GroupInstanceId, m.MetadataFor(ProtocolName))).ToList();
        foreach (var member in _members.Values)
        {
            var join = member.PendingJoin!;
            member.PendingJoin = null;
            member.LastSeenMs = nowMs;
            join.TrySetResult(new JoinResult(ErrorCode.None, GenerationId, ProtocolName, Leader, member.MemberId, member.MemberId == Leader ? everyone : []));
        }
    }

    /// <summary>Each member votes for its most preferred protocol that every member supports.</summary>
    private string VoteProtocol()
    {
        var members = _members.Values.ToList();
        var candidates = members[0].Protocols.Select(p => p.Name)
            .Where(name => members.All(m => m.Protocols.Any(p => p.Name == name)))
            .ToHashSet();
        return members
            .Select(m => m.Protocols.First(p => candidates.Contains(p.Name)).Name)
            .GroupBy(name => name)
            .OrderByDescending(g => g.Count())
            .First().Key;
    }

    private void CompleteSync(IReadOnlyDictionary<string, byte[]> assignments)
    {
        State = GroupState.Stable;
        foreach (var member in _members.Values)
        {
            member.Assignment = assignments.GetValueOrDefault(member.MemberId) ?? [];
            member.PendingSync?.TrySetResult(new SyncResult(ErrorCode.None, member.Assignment));
            member.PendingSync = null;
        }
    }

    private void Remove(GroupMember member, long nowMs)
    {
        _members.Remove(member.MemberId);
        member.PendingJoin?.TrySetResult(JoinResult.Failed(ErrorCode.UnknownMemberId, member.MemberId));
        member.PendingSync?.TrySetResult(new SyncResult(ErrorCode.UnknownMemberId, []));
        if (_members.Count == 0 && _pendingMemberExpiry.Count == 0)
        {
            State = GroupState.Empty;
            GenerationId++;
            return;
        }

        if (State != GroupState.PreparingRebalance)
        {
            PrepareRebalance(nowMs);
        }

        TryCompleteJoin(nowMs);
    }
}
