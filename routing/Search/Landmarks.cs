using TrafficOrleans.Routing.Graph;

namespace TrafficOrleans.Routing.Search;

/// <summary>
/// ALT landmarks: exact free-flow travel times to and from a few far-apart nodes. By the triangle inequality
/// <c>max(d(v,L) − d(t,L), d(L,t) − d(L,v))</c> is a lower bound of d(v,t) in free-flow seconds, much tighter than
/// straight-line distance over the top speed, so A* settles far fewer nodes. Computed once per graph; a weights
/// snapshot scales it by how much faster than free flow any edge may currently be (see WeightsSnapshot).
/// </summary>
internal sealed class Landmarks
{
    private readonly double[] _to;
    private readonly double[] _from;

    private Landmarks(int count, double[] to, double[] from)
    {
        Count = count;
        _to = to;
        _from = from;
    }

    public int Count { get; }

    /// <summary>Picks landmarks by farthest-point selection inside <paramref name="mask"/> and runs 2 Dijkstras each.</summary>
    public static Landmarks Build(RoadGraph graph, float[] freeFlowSeconds, bool[] mask, int wanted)
    {
        var n = graph.NodeCount;
        var candidates = Enumerable.Range(0, n).Where(v => mask[v]).ToArray();
        var count = Math.Min(wanted, candidates.Length);
        var to = new double[n * count];
        var from = new double[n * count];
        if (count == 0) return new Landmarks(0, to, from);

        var reverse = ReverseAdjacency.Of(graph);
        var nearest = new double[n];
        Array.Fill(nearest, double.PositiveInfinity);
        var distance = new double[n];
        var heap = new MinHeap();
        // Start from the node farthest from an arbitrary one, then keep adding the node farthest from all chosen.
        var landmark = FarthestFrom(candidates[0], graph, reverse, freeFlowSeconds, mask, distance, heap);
        for (var i = 0; i < count; i++)
        {
            Dijkstra(landmark, graph, reverse, freeFlowSeconds, forward: true, distance, heap);
            for (var v = 0; v < n; v++)
            {
                from[(v * count) + i] = distance[v];
                nearest[v] = Math.Min(nearest[v], distance[v]);
            }

            Dijkstra(landmark, graph, reverse, freeFlowSeconds, forward: false, distance, heap);
            for (var v = 0; v < n; v++) to[(v * count) + i] = distance[v];

            landmark = ArgMax(nearest, mask);
        }

        return new Landmarks(count, to, from);
    }

    /// <summary>Lower bound of the free-flow travel time from <paramref name="v"/> to <paramref name="target"/>.</summary>
    public double LowerBound(int v, int target)
    {
        var best = 0.0;
        var vi = v * Count;
        var ti = target * Count;
        for (var i = 0; i < Count; i++)
        {
            // Infinite terms (a side that cannot reach the landmark) are skipped: 0 stays a valid bound.
            var a = _to[vi + i] - _to[ti + i];
            if (a > best && !double.IsInfinity(a) && !double.IsNaN(a)) best = a;
            var b = _from[ti + i] - _from[vi + i];
            if (b > best && !double.IsInfinity(b) && !double.IsNaN(b)) best = b;
        }

        return best;
    }

    private static int FarthestFrom(int start, RoadGraph graph, ReverseAdjacency reverse, float[] seconds, bool[] mask, double[] distance, MinHeap heap)
    {
        Dijkstra(start, graph, reverse, seconds, forward: true, distance, heap);
        return ArgMax(distance, mask);
    }

    private static int ArgMax(double[] values, bool[] mask)
    {
        var best = -1;
        for (var v = 0; v < values.Length; v++)
        {
            if (mask[v] && !double.IsInfinity(values[v]) && (best < 0 || values[v] > values[best])) best = v;
        }

        return best;
    }

    private static void Dijkstra(int source, RoadGraph graph, ReverseAdjacency reverse, float[] seconds, bool forward, double[] distance, MinHeap heap)
    {
        Array.Fill(distance, double.PositiveInfinity);
        heap.Clear();
        distance[source] = 0;
        heap.Push(0, source);
        while (heap.Count > 0)
        {
            var v = heap.Pop(out var key);
            if (key > distance[v]) continue;
            var begin = forward ? graph.FirstOut[v] : reverse.FirstIn[v];
            var end = forward ? graph.FirstOut[v + 1] : reverse.FirstIn[v + 1];
            for (var k = begin; k < end; k++)
            {
                var e = forward ? k : reverse.InEdges[k];
                var w = forward ? graph.Heads[e] : graph.Edges[e].From;
                var d = key + seconds[e];
                if (d < distance[w])
                {
                    distance[w] = d;
                    heap.Push(d, w);
                }
            }
        }
    }
}
