using TrafficOrleans.Push.Subscriptions;
using TrafficOrleans.Roads;

namespace TrafficOrleans.Push.IntegrationTests;

/// <summary>
/// The grid-cell index only narrows the search: for any subscriptions and any road, the members it offers and that
/// match are exactly the members a test of every subscription finds, through subscribe, change and unsubscribe.
/// </summary>
public sealed class SubscriptionIndexTests
{
    private sealed class Member(PushSubscription subscription)
    {
        public PushSubscription Subscription { get; set; } = subscription;
    }

    [Fact]
    public void Index_finds_exactly_the_members_a_full_scan_finds()
    {
        var random = new Random(20261128);
        var index = new SubscriptionIndex<Member>();
        var members = new List<Member>();
        var roadIds = Enumerable.Range(0, 50).Select(i => $"road-{i}").ToArray();

        for (var round = 0; round < 400; round++)
        {
            var action = random.Next(10);
            if (action < 5 || members.Count == 0)
            {
                var member = new Member(RandomSubscription(random, roadIds));
                members.Add(member);
                index.Update(member, null, member.Subscription);
            }
            else if (action < 8)
            {
                var member = members[random.Next(members.Count)];
                var next = RandomSubscription(random, roadIds);
                index.Update(member, member.Subscription, next);
                member.Subscription = next;
            }
            else
            {
                var member = members[random.Next(members.Count)];
                index.Update(member, member.Subscription, null);
                members.Remove(member);
            }

            for (var probe = 0; probe < 10; probe++)
            {
                var roadId = roadIds[random.Next(roadIds.Length)];
                GeoBox? extent = random.Next(8) == 0 ? null : RandomBox(random, maxSpanDegrees: 0.02);
                var expected = members.Where(m => m.Subscription.Matches(roadId, extent)).ToHashSet(ReferenceEqualityComparer.Instance);

                var candidates = new HashSet<Member>(ReferenceEqualityComparer.Instance);
                index.AddCandidates(roadId, extent, candidates);
                index.AddUnfiltered(candidates);
                var found = candidates.Where(m => m.Subscription.Matches(roadId, extent)).ToHashSet(ReferenceEqualityComparer.Instance);

                Assert.True(expected.SetEquals(found), $"round {round}: road {roadId} extent {extent}: expected {expected.Count}, index found {found.Count}");
            }
        }
    }

    private static PushSubscription RandomSubscription(Random random, string[] roadIds)
    {
        var subscription = PushSubscription.Everything;
        if (random.Next(4) == 0) return subscription;
        for (var i = random.Next(3); i > 0; i--)
        {
            // Now and then an area far larger than the index keeps in cells (a whole-region box).
            subscription = subscription.WithArea(RandomBox(random, maxSpanDegrees: random.Next(10) == 0 ? 2.0 : 0.05));
        }

        if (random.Next(2) == 0) subscription = subscription.WithRoads(roadIds.OrderBy(_ => random.Next()).Take(random.Next(1, 4)));
        return subscription;
    }

    // Around central Hanoi, so that areas and roads overlap often.
    private static GeoBox RandomBox(Random random, double maxSpanDegrees)
    {
        var south = 21.0 + random.NextDouble() * 0.06;
        var west = 105.8 + random.NextDouble() * 0.06;
        return new GeoBox(south, west, south + random.NextDouble() * maxSpanDegrees, west + random.NextDouble() * maxSpanDegrees);
    }
}
