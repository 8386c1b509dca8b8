using TrafficOrleans.Routing.Graph;
using TrafficOrleans.Routing.Weights;

namespace TrafficOrleans.Routing.Tests;

public class WeightsSnapshotTests
{
    private static readonly Lazy<RoutingNetwork> s_network = new(() => new RoutingNetwork(RoadGraphBuilder.Build(TestGraphs.Random(120, seed: 9))));

    [Fact]
    public void Applying_predictions_gives_a_new_later_version_and_leaves_the_old_snapshot_untouched()
    {
        var network = s_network.Value;
        var before = WeightsSnapshot.FreeFlow(network, TestGraphs.T0);
        var road = network.Graph.RoadIdOf(0);
        var oldSpeeds = before.SpeedsOf(road);

        var update = before.ApplyPredictions([new RoadSpeedForecast(road, 11, 12, 13, 14), new RoadSpeedForecast("nowhere", 1, 1, 1, 1)], TestGraphs.T0);

        Assert.Equal(1, update.RoadsUpdated);
        Assert.Equal(1, update.UnknownRoads);
        Assert.Equal(new HorizonValues(11, 12, 13, 14), update.Snapshot.SpeedsOf(road));
        Assert.Equal(oldSpeeds, before.SpeedsOf(road));
        // Same clock reading as the old version: the new one is still strictly later.
        Assert.Equal("v20251015140905001", update.Snapshot.Version);
        Assert.True(string.CompareOrdinal(update.Snapshot.Version, before.Version) > 0);
        var edge = network.Graph.EdgesOfRoad(road)[0];
        Assert.Equal(network.Graph.EdgeAt(edge).LengthMeters * 3.6f / 13f, update.Snapshot.EdgeTravelSeconds(edge, 2), 4);
    }

    [Fact]
    public void Speeds_are_clamped_and_non_finite_forecasts_rejected()
    {
        var network = s_network.Value;
        var road = network.Graph.RoadIdOf(1);

        var update = WeightsSnapshot.FreeFlow(network, TestGraphs.T0).ApplyPredictions(
            [new RoadSpeedForecast(road, 0, -5, 500, 30), new RoadSpeedForecast(network.Graph.RoadIdOf(2), double.NaN, 1, 1, 1)],
            TestGraphs.T0.AddMinutes(1));

        Assert.Equal(new HorizonValues(WeightsSnapshot.MinSpeedKmh, WeightsSnapshot.MinSpeedKmh, WeightsSnapshot.MaxSpeedKmh, 30), update.Snapshot.SpeedsOf(road));
        Assert.Equal(1, update.Invalid);
    }

    [Fact]
    public void Serialization_round_trips_version_and_every_speed()
    {
        var network = s_network.Value;
        var snapshot = TestGraphs.RandomWeights(network, 4);

        var bytes = WeightsSnapshotSerializer.Serialize(snapshot);
        var copy = WeightsSnapshotSerializer.Deserialize(bytes, network);

        Assert.Equal(WeightsSnapshotSerializer.SizeOf(snapshot), bytes.Length);
        Assert.Equal(26 + (40 * network.Graph.RoadCount), bytes.Length);
        Assert.Equal(snapshot.Version, copy.Version);
        Assert.Equal(snapshot.Timestamp, copy.Timestamp);
        for (var r = 0; r < network.Graph.RoadCount; r++)
        {
            var id = network.Graph.RoadIdOf(r);
            Assert.Equal(snapshot.SpeedsOf(id), copy.SpeedsOf(id));
            Assert.Equal(snapshot.SpeedRangeOf(id), copy.SpeedRangeOf(id));
        }

        for (var e = 0; e < network.Graph.EdgeCount; e++)
        {
            for (var b = 0; b < ForecastBuckets.Count; b++) Assert.Equal(snapshot.EdgeTravelSeconds(e, b), copy.EdgeTravelSeconds(e, b));
        }
    }

    [Fact]
    public void Serialization_round_trips_speed_ranges()
    {
        var network = s_network.Value;
        var road = network.Graph.RoadIdOf(3);
        var snapshot = TestGraphs.RandomWeights(network, 5)
            .ApplyPredictions([new RoadSpeedForecast(road, 20, 18, 16, 14, new SpeedInterval(12, 25, 9, 26, 5, 30))], TestGraphs.T0.AddHours(1)).Snapshot;

        var copy = WeightsSnapshotSerializer.Deserialize(WeightsSnapshotSerializer.Serialize(snapshot), network);

        Assert.Equal((new HorizonValues(20, 12, 9, 5), new HorizonValues(20, 25, 26, 30)), copy.SpeedRangeOf(road));
        Assert.Equal(snapshot.SpeedRangeOf(network.Graph.RoadIdOf(4)), copy.SpeedRangeOf(network.Graph.RoadIdOf(4)));
    }

    [Fact]
    public void A_snapshot_saved_before_speed_ranges_loads_with_the_speeds_as_ranges()
    {
        // Format 1 (what Redis may still hold after an upgrade): the header, then 4 speeds a road.
        var network = s_network.Value;
        var snapshot = TestGraphs.RandomWeights(network, 6);
        var current = WeightsSnapshotSerializer.Serialize(snapshot);
        var old = new byte[26 + (16 * network.Graph.RoadCount)];
        current.AsSpan(0, 26).CopyTo(old);
        old[4] = 1;
        for (var r = 0; r < network.Graph.RoadCount; r++) current.AsSpan(26 + (40 * r), 16).CopyTo(old.AsSpan(26 + (16 * r)));

        var copy = WeightsSnapshotSerializer.Deserialize(old, network);

        Assert.Equal(snapshot.Version, copy.Version);
        for (var r = 0; r < network.Graph.RoadCount; r++)
        {
            var speeds = snapshot.SpeedsOf(network.Graph.RoadIdOf(r))!.Value;
            Assert.Equal(speeds, copy.SpeedsOf(network.Graph.RoadIdOf(r)));
            Assert.Equal((speeds, speeds), copy.SpeedRangeOf(network.Graph.RoadIdOf(r)));
        }
    }

    [Fact]
    public void A_snapshot_of_another_graph_or_a_damaged_one_is_refused()
    {
        var bytes = WeightsSnapshotSerializer.Serialize(WeightsSnapshot.FreeFlow(s_network.Value, TestGraphs.T0));
        var other = new RoutingNetwork(RoadGraphBuilder.Build(TestGraphs.Random(120, seed: 10)));

        Assert.Throws<InvalidDataException>(() => WeightsSnapshotSerializer.Deserialize(bytes, other));
        Assert.Throws<InvalidDataException>(() => WeightsSnapshotSerializer.Deserialize(bytes.AsSpan(0, bytes.Length - 1), s_network.Value));
        bytes[0] = (byte)'X';
        Assert.Throws<InvalidDataException>(() => WeightsSnapshotSerializer.Deserialize(bytes, s_network.Value));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(4.99, 0)]
    [InlineData(5, 1)]
    [InlineData(14.99, 1)]
    [InlineData(15, 2)]
    [InlineData(25, 3)]
    [InlineData(90, 3)]
    public void Forecast_bucket_boundaries(double minutes, int bucket) => Assert.Equal(bucket, ForecastBuckets.BucketOf(minutes));

    [Fact]
    public void Graph_version_round_trips_through_its_string()
    {
        var time = new DateTimeOffset(2025, 10, 15, 14, 9, 5, 123, TimeSpan.Zero);

        Assert.Equal("v20251015140905123", GraphVersion.Of(time));
        Assert.Equal(time, GraphVersion.Parse(GraphVersion.Of(time)));
    }
}
