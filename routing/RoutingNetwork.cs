using TrafficOrleans.Routing.Graph;
using TrafficOrleans.Routing.Search;
using TrafficOrleans.Routing.Spatial;

namespace TrafficOrleans.Routing;

/// <summary>
/// Everything about a road graph that does not change with traffic, computed once: the routable component
/// (largest strongly connected), the spatial index over it, free-flow travel times, and ALT landmarks.
/// Weights snapshots for this graph share one instance.
/// </summary>
public sealed class RoutingNetwork
{
    /// <summary>Landmarks used by default: 8 gives most of ALT's gain at 128 bytes per node.</summary>
    public const int DefaultLandmarkCount = 8;

    /// <summary>Creates the network; takes about two Dijkstra runs per landmark.</summary>
    public RoutingNetwork(RoadGraph graph, int landmarkCount = DefaultLandmarkCount)
    {
        ArgumentNullException.ThrowIfNull(graph);
        Graph = graph;
        (Routable, RoutableNodeCount) = GraphComponents.Largest(GraphComponents.Strong(graph));
        Index = new SpatialIndex(graph, Routable);
        FreeFlowSeconds = new float[graph.EdgeCount];
        ChordMeters = new float[graph.EdgeCount];
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            var edge = graph.Edges[e];
            FreeFlowSeconds[e] = TravelSeconds(edge.LengthMeters, graph.Roads[edge.Road].FreeFlowSpeedKmh);
            ChordMeters[e] = (float)graph.NodePoint(edge.From).DistanceMetersTo(graph.NodePoint(graph.Heads[e]));
        }

        Landmarks = ForecastLandmarks.Single(Search.Landmarks.Build(graph, FreeFlowSeconds, Routable, landmarkCount), FreeFlowSeconds);
    }

    /// <summary>The road graph.</summary>
    public RoadGraph Graph { get; }

    /// <summary>Snaps points to routable nodes and edges.</summary>
    public SpatialIndex Index { get; }

    /// <summary>Nodes of the largest strongly connected component: every one can reach every other.</summary>
    public int RoutableNodeCount { get; }

    internal bool[] Routable { get; }

    internal float[] FreeFlowSeconds { get; }

    /// <summary>Straight-line length of each edge: with travel times it bounds the speed for the A* heuristic.</summary>
    internal float[] ChordMeters { get; }

    /// <summary>Free-flow landmarks, the same for every bucket: what snapshots search with until refreshed.</summary>
    internal ForecastLandmarks Landmarks { get; }

    /// <summary>Whether a node is in the routable component.</summary>
    public bool IsRoutable(int node) => Routable[node];

    internal static float TravelSeconds(float lengthMeters, float speedKmh) => lengthMeters * 3.6f / speedKmh;
}
