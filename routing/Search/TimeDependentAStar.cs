using System.Runtime.InteropServices;
using TrafficOrleans.Routing.Weights;

namespace TrafficOrleans.Routing.Search;

/// <summary>
/// A* by travel time where an edge's time depends on when it is entered (forecast buckets). The heuristic
/// (<see cref="RemainingTimeBound"/>) is a lower bound for every bucket and every penalty ≥ 1 but not consistent
/// across bucket changes, so a settled node that later gets an earlier arrival is reopened; the first time the
/// target is settled its label is then the same one plain time-dependent Dijkstra would give. Labels live in
/// <see cref="SearchBuffers"/>.
/// </summary>
internal static class TimeDependentAStar
{

    /// <summary>
    /// Searches from <paramref name="source"/> to <paramref name="target"/>, departing
    /// <paramref name="departureMinutes"/> after the weights' time; exact unless <paramref name="penalized"/>.
    /// </summary>
    /// <remarks>
    /// An alternative search (<paramref name="penalized"/>) multiplies edge costs by the buffers' penalties (real
    /// times are still tracked), bounds every node as if reached in the last bucket (tighter, though no longer a
    /// lower bound where earlier buckets are faster) and orders the queue by cost + <paramref name="heuristicWeight"/>
    /// × bound (weighted A*: a path within that factor of the cheapest penalised one). An alternative is a
    /// heuristic answer anyway, checked afterwards on its real ETA; on the 100k grid these cut its search from
    /// 14,000 settled nodes to 1,700. Labels whose real travel time plus the bound exceed
    /// <paramref name="maxSeconds"/> are dropped: an alternative only wants routes within the stretch limit.
    /// Returns whether the target was reached.
    /// </remarks>
    public static bool Run(
        WeightsSnapshot weights, int source, int target, double departureMinutes, bool penalized, SearchBuffers buffers,
        double maxSeconds = double.PositiveInfinity, double heuristicWeight = 1)
    {
        var graph = weights.Graph;
        buffers.Prepare(graph.NodeCount, graph.EdgeCount);
        var bound = buffers.Bound;
        if (bound.Prepare(weights, source, target)) buffers.NextQuery();
        var generation = buffers.Generation;
        var stamp = buffers.QueryStamp;
        var labels = buffers.Labels;
        var heap = buffers.Heap;
        var penalty = buffers.Penalty;
        var firstOut = graph.FirstOut;
        var heads = graph.Heads;
        // Four floats per edge, one per bucket: one indexed load instead of a switch per relaxation.
        var edgeSeconds = MemoryMarshal.Cast<HorizonValues, float>(weights.EdgeSeconds.AsSpan());
        var lastBucket = ForecastBuckets.Count - 1;

        ref var start = ref labels[source];
        var sourceBucket = penalized ? lastBucket : ForecastBuckets.BucketOf(departureMinutes);
        (start.Seen, start.Cost, start.Time, start.ParentEdge) = (generation, 0, 0, -1);
        (start.Heuristic, start.HeuristicBucket, start.HeuristicStamp) = (bound.At(source, sourceBucket), sourceBucket, stamp);
        heap.Push(start.Heuristic, source);
        while (heap.Count > 0)
        {
            var v = heap.Pop(out _);
            ref var at = ref labels[v];
            if (at.Closed == generation) continue;
            at.Closed = generation;
            if (v == target) return true;

            var costV = at.Cost;
            var timeV = at.Time;
            var bucket = ForecastBuckets.BucketOf(departureMinutes + (timeV / 60));
            for (var e = firstOut[v]; e < firstOut[v + 1]; e++)
            {
                var w = heads[e];
                ref var next = ref labels[w];
                double seconds = edgeSeconds[(e * ForecastBuckets.Count) + bucket];
                var candidate = costV + (penalized ? seconds * penalty[e] : seconds);
                if (next.Seen != generation) (next.Seen, next.Cost) = (generation, double.PositiveInfinity);
                if (candidate >= next.Cost) continue;

                var arrival = timeV + seconds;
                var arrivalBucket = penalized ? lastBucket : ForecastBuckets.BucketOf(departureMinutes + (arrival / 60));
                if (next.HeuristicBucket != arrivalBucket || next.HeuristicStamp != stamp)
                {
                    // The bound depends on the query and the bucket the node is reached in; recompute only when
                    // either changed (a query's alternative searches reuse the bounds of the earlier ones).
                    (next.Heuristic, next.HeuristicBucket, next.HeuristicStamp) = (bound.At(w, arrivalBucket), arrivalBucket, stamp);
                }

                if (arrival + next.Heuristic > maxSeconds) continue;
                // Reopen: with a heuristic that is only admissible a settled node can still improve.
                next.Closed = 0;
                (next.Cost, next.Time, next.ParentEdge) = (candidate, arrival, e);
                heap.Push(candidate + (heuristicWeight * next.Heuristic), w);
            }
        }

        return false;
    }

    /// <summary>The edges of the found path, source to target, into <see cref="SearchBuffers.PathEdges"/>.</summary>
    public static List<int> ExtractPath(WeightsSnapshot weights, int target, SearchBuffers buffers)
    {
        var path = buffers.PathEdges;
        path.Clear();
        var labels = buffers.Labels;
        for (var e = labels[target].ParentEdge; e >= 0; e = labels[weights.Graph.Edges[e].From].ParentEdge) path.Add(e);
        path.Reverse();
        return path;
    }
}
