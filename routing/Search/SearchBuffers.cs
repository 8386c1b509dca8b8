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

    public double[] Cost { get; private set; } = [];

    /// <summary>Real elapsed seconds at the node (differs from <see cref="Cost"/> when penalties apply).</summary>
    public double[] Time { get; private set; } = [];

    public int[] ParentEdge { get; private set; } = [];

    public double[] Heuristic { get; private set; } = [];

    public int[] Seen { get; private set; } = [];

    public int[] Closed { get; private set; } = [];

    public int Generation { get; private set; }

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
            Cost = new double[nodeCount];
            Time = new double[nodeCount];
            ParentEdge = new int[nodeCount];
            Heuristic = new double[nodeCount];
            Seen = new int[nodeCount];
            Closed = new int[nodeCount];
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
            Array.Clear(Seen);
            Array.Clear(Closed);
            Generation = 1;
        }

        Heap.Clear();
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
