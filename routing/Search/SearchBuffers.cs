namespace TrafficOrleans.Routing.Search;

/// <summary>
/// Per-thread scratch arrays of a search, sized to the graph once and then reused: node labels are valid only
/// where their stamp equals the current generation, so starting a search costs nothing per node.
/// </summary>
internal sealed class SearchBuffers
{
    [ThreadStatic]
    private static SearchBuffers? t_current;

    private int _nodeCapacity;
    private int _edgeCapacity;

    /// <summary>Per-node labels; a node's fields are meaningful only where its stamps equal the generation.</summary>
    public NodeLabel[] Labels { get; private set; } = [];

    /// <summary>The heuristic of the current query; its cached values carry over to that query's alternative searches.</summary>
    public RemainingTimeBound Bound { get; } = new();

    public int Generation { get; private set; }

    /// <summary>Stamp of the current query (weights, source, target): cached heuristics of other queries are void.</summary>
    public int QueryStamp { get; private set; }

    public MinHeap Heap { get; } = new();

    /// <summary>Cost multiplier per edge for alternative searches; 1 except for edges in <see cref="Touched"/>.</summary>
    public float[] Penalty { get; private set; } = [];

    /// <summary>Bit i set when the edge belongs to accepted route i; 0 except for edges in <see cref="Touched"/>.</summary>
    public byte[] RouteMask { get; private set; } = [];

    public List<int> Touched { get; } = [];

    public List<int> PathEdges { get; } = [];

    public static SearchBuffers ForCurrentThread() => t_current ??= new SearchBuffers();

    /// <summary>Makes the arrays large enough and starts a new generation.</summary>
    public void Prepare(int nodeCount, int edgeCount)
    {
        if (nodeCount > _nodeCapacity)
        {
            _nodeCapacity = nodeCount;
            Labels = new NodeLabel[nodeCount];
            Generation = 0;
        }

        if (edgeCount > _edgeCapacity)
        {
            _edgeCapacity = edgeCount;
            Penalty = new float[edgeCount];
            Array.Fill(Penalty, 1f);
            RouteMask = new byte[edgeCount];
            Touched.Clear();
        }

        if (++Generation == int.MaxValue)
        {
            foreach (ref var label in Labels.AsSpan()) (label.Seen, label.Closed) = (0, 0);
            Generation = 1;
        }

        Heap.Clear();
    }

    /// <summary>Starts a new query: heuristics cached so far no longer apply.</summary>
    public void NextQuery()
    {
        if (++QueryStamp == int.MaxValue)
        {
            foreach (ref var label in Labels.AsSpan()) label.HeuristicStamp = 0;
            QueryStamp = 1;
        }
    }

    /// <summary>Puts penalties and route marks back to neutral.</summary>
    public void ResetEdgeMarks()
    {
        foreach (var e in Touched)
        {
            Penalty[e] = 1f;
            RouteMask[e] = 0;
        }

        Touched.Clear();
    }
}
