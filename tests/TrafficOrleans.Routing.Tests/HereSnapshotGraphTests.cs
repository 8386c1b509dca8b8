using TrafficOrleans.Tests.Shared;
using TrafficOrleans.Roads.Here;
using TrafficOrleans.Routing.Graph;
using TrafficOrleans.Routing.Routes;
using TrafficOrleans.Routing.Weights;
using Xunit.Abstractions;

namespace TrafficOrleans.Routing.Tests;

/// <summary>The real 772-segment HERE snapshot of central Hanoi, read from ../shared (never copied into the repo).</summary>
public class HereSnapshotGraphTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void Hanoi_snapshot_joins_into_one_large_connected_component()
    {
        var graph = RoadGraphBuilder.Build(HereRoadNetwork.ToSegments(HereRoadNetwork.ReadResponse(SnapshotPath())));
        var (_, weakCount) = GraphComponents.Weak(graph);
        var (_, largestWeak) = GraphComponents.Largest(GraphComponents.Weak(graph));
        var (_, largestStrong) = GraphComponents.Largest(GraphComponents.Strong(graph));
        output.WriteLine($"HERE graph: {graph.RoadCount} roads, {graph.NodeCount} nodes, {graph.EdgeCount} edges; "
            + $"{weakCount} weak components, largest weak {largestWeak} nodes, largest strong {largestStrong} nodes.");

        Assert.Equal(772, graph.RoadCount);
        Assert.True(largestWeak >= graph.NodeCount * 0.95, $"largest weakly connected component has {largestWeak} of {graph.NodeCount} nodes");
        Assert.True(largestStrong >= graph.NodeCount * 0.9, $"largest strongly connected component has {largestStrong} of {graph.NodeCount} nodes");
    }

    [SkippableFact]
    public void Routes_across_central_hanoi_on_the_snapshot()
    {
        var network = new RoutingNetwork(RoadGraphBuilder.Build(HereRoadNetwork.ToSegments(HereRoadNetwork.ReadResponse(SnapshotPath()))));
        var weights = WeightsSnapshot.FreeFlow(network, TestGraphs.T0);

        // The design card's example: Hoan Kiem to Ba Dinh.
        var result = new RoutePlanner().Recommend(weights, new(21.0285, 105.8542), new(21.0452, 105.8345), TimeSpan.Zero);

        Assert.Equal(RouteQueryStatus.Found, result.Status);
        output.WriteLine($"{result.Recommended!.DistanceKm:F2} km, {result.Recommended.EtaMinutes:F1} min, {result.Alternatives.Count} alternatives");
        Assert.InRange(result.Recommended.DistanceKm, 2.5, 8);
    }

    private static string SnapshotPath()
    {
        var path = SharedData.Find(SharedData.HereSnapshotRelative);
        Skip.If(path is null, $"HERE snapshot not found: expected ../shared/{SharedData.HereSnapshotRelative} beside the folder holding TrafficOrleans.sln.");
        return path!;
    }
}
