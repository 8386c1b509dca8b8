using TrafficOrleans.KafkaBroker.Groups;
using TrafficOrleans.KafkaBroker.Protocol;

namespace TrafficOrleans.KafkaBroker.Tests.Groups;

/// <summary>The group state machine with explicit clock values, so timeouts need no waiting.</summary>
public sealed class ConsumerGroupTests
{
    private const int SessionTimeoutMs = 6_000;

    [Fact]
    public async Task A_member_that_stops_heartbeating_expires_and_the_group_rebalances_without_it()
    {
        var group = new ConsumerGroup("expiry", TimeSpan.Zero);
        var first = await JoinAsync(group, 0);
        var second = await JoinAsync(group, 0);
        var firstRejoin = group.Join(Request(first), 4, 10);
        Assert.Equal(ErrorCode.None, (await firstRejoin).ErrorCode);
        await group.Sync(first, 2, new Dictionary<string, byte[]> { [first] = [1], [second] = [2] }, 20);

        Assert.Equal(ErrorCode.None, group.Heartbeat(first, 2, SessionTimeoutMs));
        group.Tick(SessionTimeoutMs + 100);

        Assert.Equal(ErrorCode.UnknownMemberId, group.Heartbeat(second, 2, SessionTimeoutMs + 100));
        Assert.Equal(ErrorCode.RebalanceInProgress, group.Heartbeat(first, 2, SessionTimeoutMs + 100));
        var rejoined = await group.Join(Request(first), 4, SessionTimeoutMs + 200);
        Assert.Equal((ErrorCode.None, 3, first), (rejoined.ErrorCode, rejoined.GenerationId, rejoined.Leader));
        Assert.Equal([first], rejoined.Members.Select(m => m.MemberId));
    }

    [Theory]
    [InlineData(5_999)]
    [InlineData(1_800_001)]
    public async Task Session_timeout_outside_kafka_bounds_is_rejected(int sessionTimeoutMs)
    {
        var group = new ConsumerGroup("bounds", TimeSpan.Zero);

        var result = await group.Join(Request(string.Empty) with { SessionTimeoutMs = sessionTimeoutMs }, 5, 0);

        Assert.Equal(ErrorCode.InvalidSessionTimeout, result.ErrorCode);
    }

    [Fact]
    public async Task Stale_generation_and_unknown_members_are_refused()
    {
        var group = new ConsumerGroup("refusals", TimeSpan.Zero);
        var member = await JoinAsync(group, 0);

        Assert.Equal(ErrorCode.IllegalGeneration, group.Heartbeat(member, 0, 1));
        Assert.Equal(ErrorCode.UnknownMemberId, group.Heartbeat("stranger", 1, 1));
        Assert.Equal(ErrorCode.RebalanceInProgress, group.ValidateCommit(member, 1, 1));
        Assert.Equal(ErrorCode.UnknownMemberId, group.ValidateCommit(string.Empty, -1, 1));
    }

    /// <summary>Joins as a new member (v4: MEMBER_ID_REQUIRED first) without waiting for the rebalance.</summary>
    private static async Task<string> JoinAsync(ConsumerGroup group, long nowMs)
    {
        var required = await group.Join(Request(string.Empty), 4, nowMs);
        Assert.Equal(ErrorCode.MemberIdRequired, required.ErrorCode);
        _ = group.Join(Request(required.MemberId), 4, nowMs);
        return required.MemberId;
    }

    private static JoinRequest Request(string memberId) =>
        new("g", SessionTimeoutMs, 30_000, memberId, null, "consumer", [new GroupProtocol("range", [0])], "test", "/127.0.0.1");
}
