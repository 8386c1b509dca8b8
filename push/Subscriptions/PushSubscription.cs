using TrafficOrleans.Roads;
using System.Collections.Immutable;

namespace TrafficOrleans.Push.Subscriptions;

/// <summary>
/// What one connection asked for: areas and road ids. Immutable, swapped whole on each subscribe call, so the fan-out
/// reads it without a lock. Empty = everything.
/// </summary>
public sealed record PushSubscription(ImmutableArray<GeoBox> Areas, ImmutableHashSet<string> Roads)
{
    /// <summary>No subscription: the connection receives every road.</summary>
    public static readonly PushSubscription Everything = new([], ImmutableHashSet.Create<string>(StringComparer.Ordinal));

    /// <summary>True while nothing is subscribed.</summary>
    public bool IsEverything => Areas.IsEmpty && Roads.IsEmpty;

    /// <summary>Whether a road's messages go to this connection (<paramref name="extent"/> null: the road is not on the map).</summary>
    public bool Matches(string roadId, GeoBox? extent)
    {
        if (IsEverything || Roads.Contains(roadId)) return true;
        if (extent is not { } box) return false;
        foreach (var area in Areas)
        {
            if (area.Intersects(box)) return true;
        }

        return false;
    }

    /// <summary>This subscription plus an area.</summary>
    public PushSubscription WithArea(GeoBox area) => this with { Areas = Areas.Add(area) };

    /// <summary>This subscription plus roads.</summary>
    public PushSubscription WithRoads(IEnumerable<string> roadIds) => this with { Roads = Roads.Union(roadIds) };

    /// <summary>This subscription without an area (exact match).</summary>
    public PushSubscription WithoutArea(GeoBox area) => this with { Areas = Areas.Remove(area) };

    /// <summary>This subscription without roads.</summary>
    public PushSubscription WithoutRoads(IEnumerable<string> roadIds) => this with { Roads = Roads.Except(roadIds) };
}
