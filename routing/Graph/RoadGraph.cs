using TrafficOrleans.Roads;

namespace TrafficOrleans.Routing.Graph;

/// <summary>
/// The immutable directed road graph in compressed-sparse-row form: the out-edges of node <c>v</c> are the edge
/// indices <c>FirstOut[v] .. FirstOut[v + 1] - 1</c>. Everything is a flat array so a search touches no objects.
/// Build one with <see cref="RoadGraphBuilder"/>; weights live apart in a weights snapshot so they can change
/// without rebuilding this.
/// </summary>
public sealed class RoadGraph
{
    private readonly int[] _roadEdgeStart;
    private readonly int[] _roadEdges;
    private readonly Dictionary<string, int> _roadIndex;

    internal RoadGraph(
        double[] nodeLat,
        double[] nodeLng,
        int[] firstOut,
        int[] heads,
        GraphEdge[] edges,
        GeoPoint[] shapePoints,
        RoadInfo[] roads,
        int[] roadEdgeStart,
        int[] roadEdges)
    {
        NodeLat = nodeLat;
        NodeLng = nodeLng;
        FirstOut = firstOut;
        Heads = heads;
        Edges = edges;
        ShapePoints = shapePoints;
        Roads = roads;
        _roadEdgeStart = roadEdgeStart;
        _roadEdges = roadEdges;
        _roadIndex = new Dictionary<string, int>(roads.Length, StringComparer.Ordinal);
        for (var r = 0; r < roads.Length; r++) _roadIndex[roads[r].RoadId] = r;
        Fingerprint = ComputeFingerprint();
    }

    /// <summary>Number of nodes.</summary>
    public int NodeCount => NodeLat.Length;

    /// <summary>Number of directed edges.</summary>
    public int EdgeCount => Heads.Length;

    /// <summary>Number of distinct roads.</summary>
    public int RoadCount => Roads.Length;

    /// <summary>Node latitudes (degrees).</summary>
    public ReadOnlyMemory<double> NodeLatitudes => NodeLat;

    /// <summary>Node longitudes (degrees).</summary>
    public ReadOnlyMemory<double> NodeLongitudes => NodeLng;

    /// <summary>
    /// A 64-bit hash of the road ids and the graph's shape: a weights snapshot saved for one graph refuses to
    /// load onto another.
    /// </summary>
    public ulong Fingerprint { get; }

    internal double[] NodeLat { get; }

    internal double[] NodeLng { get; }

    internal int[] FirstOut { get; }

    internal int[] Heads { get; }

    internal GraphEdge[] Edges { get; }

    internal GeoPoint[] ShapePoints { get; }

    internal RoadInfo[] Roads { get; }

    /// <summary>Position of a node.</summary>
    public GeoPoint NodePoint(int node) => new(NodeLat[node], NodeLng[node]);

    /// <summary>Out-edge index range of a node.</summary>
    public Range OutEdges(int node) => FirstOut[node]..FirstOut[node + 1];

    /// <summary>Head (target node) of an edge.</summary>
    public int HeadOf(int edge) => Heads[edge];

    /// <summary>Tail, road, length and shape of an edge.</summary>
    public GraphEdge EdgeAt(int edge) => Edges[edge];

    /// <summary>The road an edge belongs to.</summary>
    public RoadInfo RoadOf(int edge) => Roads[Edges[edge].Road];

    /// <summary>Road by index.</summary>
    public RoadInfo RoadAt(int road) => Roads[road];

    /// <summary>Id of a road by index.</summary>
    public string RoadIdOf(int road) => Roads[road].RoadId;

    /// <summary>Index of a road id, or -1 when the graph has no such road.</summary>
    public int RoadIndexOf(string roadId) => _roadIndex.TryGetValue(roadId, out var r) ? r : -1;

    /// <summary>The edges of a road in travel order (one road can be split into several edges at junctions).</summary>
    public ReadOnlySpan<int> EdgesOfRoad(int road) => _roadEdges.AsSpan(_roadEdgeStart[road], _roadEdgeStart[road + 1] - _roadEdgeStart[road]);

    /// <summary>The edges of a road id; empty when unknown.</summary>
    public ReadOnlySpan<int> EdgesOfRoad(string roadId) => RoadIndexOf(roadId) is var r and >= 0 ? EdgesOfRoad(r) : [];

    /// <summary>The intermediate shape points of an edge, in travel direction, without its end nodes.</summary>
    public ReadOnlySpan<GeoPoint> ShapeOf(int edge) => ShapePoints.AsSpan(Edges[edge].ShapeStart, Edges[edge].ShapeCount);

    private ulong ComputeFingerprint()
    {
        // FNV-1a: stable across processes and runtimes, unlike string.GetHashCode.
        const ulong prime = 1099511628211;
        var hash = 14695981039346656037;
        void Mix(ulong value)
        {
            for (var i = 0; i < 8; i++)
            {
                hash ^= (value >> (i * 8)) & 0xff;
                hash *= prime;
            }
        }

        Mix((ulong)NodeCount);
        Mix((ulong)EdgeCount);
        foreach (var road in Roads)
        {
            foreach (var c in road.RoadId) Mix(c);
            Mix((ulong)EdgesOfRoad(_roadIndex[road.RoadId]).Length);
        }

        return hash;
    }
}
