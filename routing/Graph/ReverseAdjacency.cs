namespace TrafficOrleans.Routing.Graph;

/// <summary>In-edges per node in CSR form, for backward searches (components, landmark distances).</summary>
internal sealed class ReverseAdjacency
{
    private ReverseAdjacency(int[] firstIn, int[] inEdges)
    {
        FirstIn = firstIn;
        InEdges = inEdges;
    }

    /// <summary>In-edges of <c>v</c> are <c>InEdges[FirstIn[v] .. FirstIn[v + 1] - 1]</c>.</summary>
    public int[] FirstIn { get; }

    public int[] InEdges { get; }

    public static ReverseAdjacency Of(RoadGraph graph)
    {
        var firstIn = new int[graph.NodeCount + 1];
        foreach (var head in graph.Heads) firstIn[head + 1]++;
        for (var v = 0; v < graph.NodeCount; v++) firstIn[v + 1] += firstIn[v];
        var next = firstIn[..^1];
        var inEdges = new int[graph.EdgeCount];
        for (var e = 0; e < graph.EdgeCount; e++) inEdges[next[graph.Heads[e]]++] = e;
        return new ReverseAdjacency(firstIn, inEdges);
    }
}
