using TrafficOrleans.Routing.Weights;

namespace TrafficOrleans.Routing.Search;

/// <summary>
/// A* by travel time where an edge's time depends on when it is entered (forecast buckets). The heuristic
/// (ALT landmarks, else straight line over the fastest speed) is a consistent lower bound for every bucket
/// and every penalty ≥ 1, so the first time the target is settled its label is the same one plain
/// time-dependent Dijkstra would give. Labels live in <see cref="SearchBuffers"/>.
/// </summary>
internal static class TimeDependentAStar
{
    /// <summary>
    /// Searches from <paramref name="source"/> to <paramref name="target"/>, departing
    /// <paramref name="departureMinutes"/> after the weights' time. With <paramref name="penalized"/>, edge costs
    /// are multiplied by the buffers' penalties (real times are still tracked). Labels whose real travel time plus
    /// the lower bound to the target exceed <paramref name="maxSeconds"/> are dropped: an alternative search
    /// only wants routes within the stretch limit, and pruning the rest keeps it from flooding a large graph.
    /// Returns whether the target was reached.
    /// </summary>
    public static bool Run(
        WeightsSnapshot weights, int source, int target, double departureMinutes, bool penalized, SearchBuffers buffers,
        double maxSeconds = double.PositiveInfinity)
    {
        var graph = weights.Graph;
        buffers.Prepare(graph.NodeCount, graph.EdgeCount);
        var generation = buffers.Generation;
        var cost = buffers.Cost;
        var time = buffers.Time;
        var parent = buffers.ParentEdge;
        var heuristic = buffers.Heuristic;
        var seen = buffers.Seen;
        var closed = buffers.Closed;
        var heap = buffers.Heap;
        var penalty = buffers.Penalty;
        var firstOut = graph.FirstOut;
        var heads = graph.Heads;
        var edgeSeconds = weights.EdgeSeconds;
        var targetPoint = graph.NodePoint(target);

        var landmarks = weights.Landmarks;
        double Estimate(int v) => landmarks.Count > 0
            ? landmarks.LowerBound(v, target) * weights.LandmarkScale
            : graph.NodePoint(v).DistanceMetersTo(targetPoint) * weights.SecondsPerChordMeter;

        seen[source] = generation;
        cost[source] = 0;
        time[source] = 0;
        parent[source] = -1;
        heuristic[source] = Estimate(source);
        heap.Push(heuristic[source], source);
        while (heap.Count > 0)
        {
            var v = heap.Pop(out _);
            if (closed[v] == generation) continue;
            closed[v] = generation;
            if (v == target) return true;

            var bucket = ForecastBuckets.BucketOf(departureMinutes + (time[v] / 60));
            var costV = cost[v];
            var timeV = time[v];
            for (var e = firstOut[v]; e < firstOut[v + 1]; e++)
            {
                var w = heads[e];
                if (closed[w] == generation) continue;
                double seconds = edgeSeconds[e][bucket];
                var candidate = costV + (penalized ? seconds * penalty[e] : seconds);
                if (seen[w] != generation)
                {
                    seen[w] = generation;
                    heuristic[w] = Estimate(w);
                    cost[w] = double.PositiveInfinity;
                }

                if (candidate >= cost[w] || timeV + seconds + heuristic[w] > maxSeconds) continue;
                cost[w] = candidate;
                time[w] = timeV + seconds;
                parent[w] = e;
                heap.Push(candidate + heuristic[w], w);
            }
        }

        return false;
    }

    /// <summary>The edges of the found path, source to target, into <see cref="SearchBuffers.PathEdges"/>.</summary>
    public static List<int> ExtractPath(WeightsSnapshot weights, int target, SearchBuffers buffers)
    {
        var path = buffers.PathEdges;
        path.Clear();
        for (var e = buffers.ParentEdge[target]; e >= 0; e = buffers.ParentEdge[weights.Graph.Edges[e].From]) path.Add(e);
        path.Reverse();
        return path;
    }
}
