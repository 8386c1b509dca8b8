using TrafficOrleans.Routing.Graph;

namespace TrafficOrleans.Routing.Search;

/// <summary>
/// ALT landmarks: travel times to and from a few far-apart nodes. By the triangle inequality
/// <c>max(d(v,L) − d(t,L), d(L,t) − d(L,v))</c> is a lower bound of d(v,t), much tighter than straight-line
/// distance over the top speed, so A* settles far fewer nodes. Times are whole <see cref="Quantum"/>s on edge times
/// rounded down: the bound then stays exactly consistent (integer sums are exact) and a node's row is half the
/// bytes of doubles — reading landmark rows was most of a search's cache misses on 100k nodes. A weights snapshot
/// scales the bound by how much faster than the basis times any edge may currently be (see WeightsSnapshot).
/// </summary>
internal sealed class Landmarks
{
    /// <summary>Seconds per stored unit; rounding down every edge loses under a second on a thousand-edge path.</summary>
    public const double Quantum = 1.0 / 1024;

    /// <summary>Stored for a node that cannot reach (or be reached from) a landmark; any term using it is skipped.</summary>
    public const int Unreachable = int.MaxValue;

    // Per node, the Count distances to the landmarks then the Count distances from them: one node's bound reads
    // one contiguous run instead of two arrays far apart.
    private readonly int[] _distances;

    private Landmarks(int count, int[] distances)
    {
        Count = count;
        _distances = distances;
    }

    public int Count { get; }

    /// <summary>
    /// Per node, the <see cref="Count"/> distances to the landmarks then the <see cref="Count"/> distances from
    /// them in <see cref="Quantum"/>s (row of node v starts at <c>v × 2 × Count</c>).
    /// </summary>
    public int[] Distances => _distances;

    /// <summary>Picks landmarks by farthest-point selection inside <paramref name="mask"/> and runs 2 Dijkstras each.</summary>
    public static Landmarks Build(RoadGraph graph, float[] basisSeconds, bool[] mask, int wanted)
    {
        var n = graph.NodeCount;
        var candidates = Enumerable.Range(0, n).Where(v => mask[v]).ToArray();
        var count = Math.Min(wanted, candidates.Length);
        var distances = new int[n * count * 2];
        if (count == 0) return new Landmarks(0, distances);

        var quanta = new double[basisSeconds.Length];
        for (var e = 0; e < quanta.Length; e++) quanta[e] = Math.Floor(basisSeconds[e] / Quantum);
        var reverse = ReverseAdjacency.Of(graph);
        var nearest = new double[n];
        Array.Fill(nearest, double.PositiveInfinity);
        var distance = new double[n];
        var heap = new MinHeap();
        // Start from the node farthest from an arbitrary one, then keep adding the node farthest from all chosen.
        var landmark = FarthestFrom(candidates[0], graph, reverse, quanta, mask, distance, heap);
        for (var i = 0; i < count; i++)
        {
            Dijkstra(landmark, graph, reverse, quanta, forward: true, distance, heap);
            for (var v = 0; v < n; v++)
            {
                distances[(v * count * 2) + count + i] = Stored(distance[v]);
                nearest[v] = Math.Min(nearest[v], distance[v]);
            }

            Dijkstra(landmark, graph, reverse, quanta, forward: false, distance, heap);
            for (var v = 0; v < n; v++) distances[(v * count * 2) + i] = Stored(distance[v]);

            landmark = ArgMax(nearest, mask);
        }

        return new Landmarks(count, distances);
    }

    private static int Stored(double quanta)
    {
        if (double.IsPositiveInfinity(quanta)) return Unreachable;
        // Half the int range is 12 days of driving; keeping under it lets a difference tell unreachable apart.
        return quanta < Unreachable / 2 ? (int)quanta : throw new InvalidOperationException("A landmark distance does not fit in its quanta.");
    }

    private static int FarthestFrom(int start, RoadGraph graph, ReverseAdjacency reverse, double[] quanta, bool[] mask, double[] distance, MinHeap heap)
    {
        Dijkstra(start, graph, reverse, quanta, forward: true, distance, heap);
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

    private static void Dijkstra(int source, RoadGraph graph, ReverseAdjacency reverse, double[] quanta, bool forward, double[] distance, MinHeap heap)
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
                var d = key + quanta[e];
                if (d < distance[w])
                {
                    distance[w] = d;
                    heap.Push(d, w);
                }
            }
        }
    }
}
