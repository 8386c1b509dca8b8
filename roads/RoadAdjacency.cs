using System.Collections.Frozen;

namespace TrafficOrleans.Roads;

/// <summary>
/// Which roads feed into which: road A feeds road B when traffic leaving A can enter B. Built from shared
/// endpoints of segment geometry (A ends where B starts) or from an explicit edge list (a benchmark's
/// adjacency matrix). A road's own reverse direction is not a feeder: that would be a U-turn, and a jam does
/// not spill back into the opposite carriageway. Used by the simulator to spread incidents upstream and by
/// routing to build its graph.
/// </summary>
public sealed class RoadAdjacency
{
    private static readonly IReadOnlyList<string> None = [];
    private readonly FrozenDictionary<string, IReadOnlyList<string>> _upstream;
    private readonly FrozenDictionary<string, IReadOnlyList<string>> _downstream;
    private readonly FrozenDictionary<string, IReadOnlyList<string>> _neighbours;

    private RoadAdjacency(Dictionary<string, List<string>> upstream, Dictionary<string, List<string>> downstream)
    {
        _upstream = upstream.ToFrozenDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.ToArray(), StringComparer.Ordinal);
        _downstream = downstream.ToFrozenDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.ToArray(), StringComparer.Ordinal);
        // Built once: ingestion asks for every reading of every tick. Self-loops never enter the maps (FromEdges,
        // FromSegments), so only the union of feeders and successors needs de-duplicating.
        _neighbours = upstream.Keys.Union(downstream.Keys, StringComparer.Ordinal).ToFrozenDictionary(
            road => road,
            road => (IReadOnlyList<string>)[.. FeedersOf(road).Concat(SuccessorsOf(road)).Distinct(StringComparer.Ordinal)],
            StringComparer.Ordinal);
    }

    /// <summary>Number of feeder → road edges.</summary>
    public int EdgeCount => _upstream.Values.Sum(list => list.Count);

    /// <summary>
    /// Adjacency from geometry: A feeds B when A's last point equals B's first point after rounding to
    /// 1e-5° (~1 m), the precision of <see cref="RoadIds"/>.
    /// </summary>
    public static RoadAdjacency FromSegments(IEnumerable<RoadSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var list = segments.ToList();
        var startingAt = new Dictionary<(double, double), List<RoadSegment>>();
        foreach (var segment in list)
        {
            var key = Key(segment.Start);
            if (!startingAt.TryGetValue(key, out var starting)) startingAt[key] = starting = [];
            starting.Add(segment);
        }

        var edges = new List<(string From, string To)>();
        foreach (var from in list)
        {
            if (!startingAt.TryGetValue(Key(from.End), out var next)) continue;
            foreach (var to in next)
            {
                if (to.RoadId != from.RoadId && !IsReverse(from, to)) edges.Add((from.RoadId, to.RoadId));
            }
        }

        return FromEdges(edges);
    }

    /// <summary>Adjacency from explicit feeder → road edges; duplicates and self-loops are ignored.</summary>
    public static RoadAdjacency FromEdges(IEnumerable<(string From, string To)> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var upstream = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var downstream = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var seen = new HashSet<(string, string)>();
        foreach (var (from, to) in edges)
        {
            if (from == to || !seen.Add((from, to))) continue;
            Append(upstream, to, from);
            Append(downstream, from, to);
        }

        return new RoadAdjacency(upstream, downstream);
    }

    /// <summary>Roads whose traffic flows into <paramref name="roadId"/> (empty when none or unknown).</summary>
    public IReadOnlyList<string> FeedersOf(string roadId) => _upstream.GetValueOrDefault(roadId, None);

    /// <summary>Roads that <paramref name="roadId"/> flows into (empty when none or unknown).</summary>
    public IReadOnlyList<string> SuccessorsOf(string roadId) => _downstream.GetValueOrDefault(roadId, None);

    /// <summary>
    /// The roads whose traffic a forecast of <paramref name="roadId"/> looks at: its feeders, then its successors,
    /// each once and never the road itself. Ingestion (per tick) and training (per step) both average over this
    /// list in this order, so a served model sees exactly the neighbour values it was trained on.
    /// </summary>
    public IReadOnlyList<string> NeighboursOf(string roadId) => _neighbours.GetValueOrDefault(roadId, None);

    private static void Append(Dictionary<string, List<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(value);
    }

    private static (double, double) Key(GeoPoint point) => (Math.Round(point.Lat, 5), Math.Round(point.Lng, 5));

    private static bool IsReverse(RoadSegment a, RoadSegment b) => Key(a.Start) == Key(b.End) && Key(a.End) == Key(b.Start);
}
