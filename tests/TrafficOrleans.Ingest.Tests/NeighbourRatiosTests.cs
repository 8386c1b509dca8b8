using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.Ingest.Preprocessing;
using TrafficOrleans.Roads;

namespace TrafficOrleans.Ingest.Tests;

/// <summary>Ingestion tells each reading what its neighbours on the road graph were doing in the same tick.</summary>
public sealed class NeighbourRatiosTests
{
    private static readonly DateTimeOffset Tick = TestData.Hanoi(2025, 10, 15, 8);

    // a → b → c, and d on its own.
    private static readonly RoadAdjacency Chain = RoadAdjacency.FromEdges([("a", "b"), ("b", "c")]);

    private static TrafficReading Reading(string road, double speed, double freeFlow = 50) =>
        new(Guid.NewGuid(), Tick, road, road, speed, freeFlow, 1, CongestionLevel.Free, speed / freeFlow, false);

    private static TrafficBatch Batch(params TrafficReading[] readings) => new("test", Tick, readings, []);

    [Fact]
    public void A_road_gets_the_mean_ratio_of_its_feeders_and_successors_in_the_tick()
    {
        var annotated = NeighbourRatios.Annotate(Batch(Reading("a", 10), Reading("b", 25), Reading("c", 40, 40), Reading("d", 30)), Chain);
        var ratio = annotated.Readings.ToDictionary(r => r.RoadId, r => r.NeighbourRatio);

        Assert.Equal((0.2f + 1f) / 2, ratio["b"]);
        Assert.Equal(0.5f, ratio["a"]);
        Assert.Equal(0.5f, ratio["c"]);
        Assert.Null(ratio["d"]);
    }

    [Fact]
    public void A_neighbour_missing_from_the_tick_is_left_out_and_no_neighbour_at_all_gives_none()
    {
        var annotated = NeighbourRatios.Annotate(Batch(Reading("b", 25), Reading("c", 20)), Chain);
        var ratio = annotated.Readings.ToDictionary(r => r.RoadId, r => r.NeighbourRatio);

        Assert.Equal(0.4f, ratio["b"]);
        Assert.Equal(0.5f, ratio["c"]);
        Assert.Null(NeighbourRatios.Annotate(Batch(Reading("a", 10)), Chain).Readings[0].NeighbourRatio);
    }

    [Fact]
    public void Without_a_road_graph_the_batch_is_unchanged_and_nothing_else_of_a_reading_changes()
    {
        var batch = Batch(Reading("a", 10), Reading("b", 25));
        Assert.Same(batch, NeighbourRatios.Annotate(batch, null));

        var annotated = NeighbourRatios.Annotate(batch, Chain);
        Assert.Equal(batch.Readings.Select(r => r with { NeighbourRatio = null }), annotated.Readings.Select(r => r with { NeighbourRatio = null }));
        Assert.Equal(batch.Rejected, annotated.Rejected);
    }

    [Fact]
    public void The_simulator_has_a_road_graph()
    {
        var source = Simulation.SimulatorTrafficSource.Create(new Simulation.SimulatorOptions(), TestData.Preprocessor());
        Assert.NotNull(source.Adjacency);
        Assert.True(source.Adjacency!.EdgeCount > 0);
    }
}
