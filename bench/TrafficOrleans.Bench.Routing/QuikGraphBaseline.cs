using QuikGraph;
using QuikGraph.Algorithms.ShortestPath;
using TrafficOrleans.Routing.Graph;
using TrafficOrleans.Routing.Weights;

namespace TrafficOrleans.Bench.Routing;

/// <summary>
/// The same graph and "now" travel times in QuikGraph 2.5.0, searched with its Dijkstra. To be fair the search
/// stops as soon as the target is taken from the queue (its distance is then final) instead of finishing the tree.
/// </summary>
internal sealed class QuikGraphBaseline
{
    private readonly AdjacencyGraph<int, TaggedEdge<int, double>> _graph = new(allowParallelEdges: true);

    public QuikGraphBaseline(WeightsSnapshot weights)
    {
        var graph = weights.Graph;
        for (var v = 0; v < graph.NodeCount; v++) _graph.AddVertex(v);
        for (var e = 0; e < graph.EdgeCount; e++) _graph.AddEdge(new TaggedEdge<int, double>(graph.EdgeAt(e).From, graph.HeadOf(e), weights.EdgeTravelSeconds(e, 0)));
    }

    /// <summary>Shortest travel time in seconds, or +∞.</summary>
    public double TravelSeconds(int source, int target)
    {
        var dijkstra = new DijkstraShortestPathAlgorithm<int, TaggedEdge<int, double>>(_graph, e => e.Tag);
        dijkstra.ExamineVertex += v =>
        {
            if (v == target) dijkstra.Abort();
        };
        try
        {
            dijkstra.Compute(source);
        }
        catch (OperationCanceledException)
        {
            // Abort surfaces as a cancellation in some QuikGraph paths; the distances found so far stand.
        }

        return dijkstra.TryGetDistance(target, out var seconds) ? seconds : double.PositiveInfinity;
    }
}
