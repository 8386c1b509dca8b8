using System.Collections.Frozen;

namespace TrafficOrleans.Roads;

/// <summary>
/// Where every road of the loaded map is, and what it is: the one index the API (<c>/roads</c>, <c>?bbox=</c>
/// filters), the push channels (area subscriptions) and the alert texts (names, lengths) read. Built once at start-up
/// from the same segments the routing graph is built from; immutable, so any thread may read it.
/// </summary>
public sealed class RoadAtlas
{
    private readonly FrozenDictionary<string, AtlasRoad> _byId;

    /// <summary>Indexes <paramref name="segments"/>; segments sharing a road id become one road.</summary>
    public RoadAtlas(IEnumerable<RoadSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        Roads = [.. segments
            .Where(segment => segment.Shape.Count > 0)
            .GroupBy(segment => segment.RoadId, StringComparer.Ordinal)
            .Select(ToRoad)
            .OrderBy(road => road.RoadId, StringComparer.Ordinal)];
        _byId = Roads.ToFrozenDictionary(road => road.RoadId, StringComparer.Ordinal);
    }

    /// <summary>Every road, ordered by id.</summary>
    public IReadOnlyList<AtlasRoad> Roads { get; }

    /// <summary>The road, or null when the map does not have it.</summary>
    public AtlasRoad? Find(string roadId) => _byId.GetValueOrDefault(roadId);

    /// <summary>The roads whose box meets <paramref name="area"/>, ordered by id.</summary>
    public IEnumerable<AtlasRoad> Within(GeoBox area) => Roads.Where(road => road.Box.Intersects(area));

    /// <summary>Whether the road lies at least partly in <paramref name="area"/>; false for a road the map does not place.</summary>
    public bool IsWithin(string roadId, GeoBox area) => Find(roadId) is { } road && road.Box.Intersects(area);

    private static AtlasRoad ToRoad(IGrouping<string, RoadSegment> segments)
    {
        var first = segments.First();
        IReadOnlyList<IReadOnlyList<GeoPoint>> lines = [.. segments.Select(segment => segment.Shape)];
        var box = GeoBox.Of(lines[0][0]);
        foreach (var point in lines.SelectMany(line => line)) box = box.Including(point);
        return new AtlasRoad(first.RoadId, first.RoadName, first.FunctionalClass, segments.Sum(s => s.LengthMeters), first.FreeFlowSpeedKmh, lines, box);
    }
}
