using TrafficOrleans.Routing.Weights;

namespace TrafficOrleans.Routing.Tests;

/// <summary>
/// The plainest possible time-dependent Dijkstra over the public graph API, as the oracle for the optimised
/// search: no heuristic, no shared buffers, a library priority queue.
/// </summary>
internal static class ReferenceDijkstra
{
    /// <summary>Earliest arrival in seconds at <paramref name="target"/>, or +∞ when unreachable.</summary>
    public static double TravelSeconds(WeightsSnapshot weights, int source, int target, double departureMinutes)
    {
        var graph = weights.Graph;
        var arrival = new double[graph.NodeCount];
        Array.Fill(arrival, double.PositiveInfinity);
        var done = new bool[graph.NodeCount];
        var queue = new PriorityQueue<int, double>();
        arrival[source] = 0;
        queue.Enqueue(source, 0);
        while (queue.TryDequeue(out var v, out var t))
        {
            if (done[v]) continue;
            done[v] = true;
            if (v == target) return t;
            var bucket = ForecastBuckets.BucketOf(departureMinutes + (t / 60));
            var (start, end) = graph.OutEdges(v).GetOffsetAndLength(graph.EdgeCount) is var (o, l) ? (o, o + l) : default;
            for (var e = start; e < end; e++)
            {
                var w = graph.HeadOf(e);
                var candidate = t + weights.EdgeTravelSeconds(e, bucket);
                if (candidate < arrival[w])
                {
                    arrival[w] = candidate;
                    queue.Enqueue(w, candidate);
                }
            }
        }

        return double.PositiveInfinity;
    }
}
