using TrafficOrleans.Ingest.Here;
using TrafficOrleans.Ingest.Preprocessing;
using TrafficOrleans.Roads.Here;

namespace TrafficOrleans.Ingest.Tests;

public class HereFlowReadingsTests
{
    private static readonly DateTimeOffset ObservedAt = new(2025, 10, 15, 14, 10, 0, TimeSpan.Zero);

    [SkippableFact]
    public void Real_fixture_gives_772_readings_in_kmh_with_names()
    {
        var response = HereRoadNetwork.ReadResponse(TestData.RequireHereFixture());
        var batch = HereFlowReadings.ToBatch(response, ObservedAt, TestData.Preprocessor());

        Assert.Equal(772, batch.Readings.Count);
        Assert.Empty(batch.Rejected);
        var first = batch.Readings[0];
        Assert.Equal("Pho Han Thuyen", first.RoadName);
        Assert.Equal(5.277778 * 3.6, first.CurrentSpeed, 2);
        Assert.Equal(4.7222223 * 3.6, first.FreeFlowSpeed, 2);
        Assert.Equal(5.277778 / 4.7222223, first.SpeedRatio, 3);
        Assert.All(batch.Readings, r => Assert.Equal(ObservedAt, r.Timestamp));
        Assert.All(batch.Readings, r => Assert.InRange(r.CurrentSpeed, 1, 100));
        Assert.Equal(329, batch.Readings.Select(r => r.RoadName).Distinct().Count());
        Assert.All(batch.Readings, r => Assert.InRange(r.Coordinates!.Lat, 20.98, 21.08));
    }

    [SkippableFact]
    public void Road_ids_are_unique_and_stable_across_two_parses()
    {
        var path = TestData.RequireHereFixture();
        var first = HereFlowReadings.ToBatch(HereRoadNetwork.ReadResponse(path), ObservedAt, TestData.Preprocessor());
        var second = HereFlowReadings.ToBatch(HereRoadNetwork.ReadResponse(path), ObservedAt.AddMinutes(5), TestData.Preprocessor());

        Assert.Equal(first.Readings.Select(r => r.RoadId), second.Readings.Select(r => r.RoadId));
        Assert.Equal(772, first.Readings.Select(r => r.RoadId).Distinct().Count());
        Assert.All(first.Readings, r => Assert.StartsWith("hanoi_rd_", r.RoadId, StringComparison.Ordinal));
        // Different ticks, different event ids; the road set agrees with the road network the simulator uses.
        Assert.Empty(first.Readings.Select(r => r.EventId).Intersect(second.Readings.Select(r => r.EventId)));
        Assert.Equal(HereRoadNetwork.ToSegments(HereRoadNetwork.ReadResponse(path)).Select(s => s.RoadId), first.Readings.Select(r => r.RoadId));
    }

    [Fact]
    public void Closed_road_and_item_without_shape_are_rejected_not_dropped()
    {
        var shape = new HereShape([new HereLink([new HerePoint(21.0, 105.8), new HerePoint(21.001, 105.8)], 111, 2)]);
        var response = new HereFlowResponse(null,
        [
            new HereFlowResult(new HereLocation("Open road", 111, shape), new HereCurrentFlow(10, 10, 12, 1, 0.9, "open")),
            new HereFlowResult(new HereLocation("Closed road", 111, shape), new HereCurrentFlow(0, 0, 12, 10, 0.9, "closed")),
            new HereFlowResult(new HereLocation("No shape", 10, null), new HereCurrentFlow(5, 5, 12, 1, 0.9, "open")),
        ]);

        var batch = HereFlowReadings.ToBatch(response, ObservedAt, TestData.Preprocessor());

        Assert.Equal(36, Assert.Single(batch.Readings).CurrentSpeed);
        Assert.Collection(batch.Rejected,
            r => { Assert.Equal(RejectionReason.RoadClosed, r.Reason); Assert.Contains("\"closed\"", r.Payload, StringComparison.Ordinal); },
            r => { Assert.Equal(RejectionReason.MissingRoadId, r.Reason); Assert.Contains("No shape", r.Payload, StringComparison.Ordinal); });
    }
}
