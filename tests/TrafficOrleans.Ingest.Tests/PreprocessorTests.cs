using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.Ingest.Preprocessing;

namespace TrafficOrleans.Ingest.Tests;

public class PreprocessorTests
{
    private static readonly DateTimeOffset Noon = TestData.Hanoi(2025, 10, 15, 12);

    [Theory]
    [InlineData(0.9, 0, CongestionLevel.Free)]
    [InlineData(0.75, 3.9, CongestionLevel.Free)]
    [InlineData(0.74, 0, CongestionLevel.Moderate)]
    [InlineData(0.9, 4, CongestionLevel.Moderate)]
    [InlineData(0.49, 0, CongestionLevel.Heavy)]
    [InlineData(0.9, 7, CongestionLevel.Heavy)]
    [InlineData(0.24, 0, CongestionLevel.Severe)]
    [InlineData(0.9, 9, CongestionLevel.Severe)]
    public void Congestion_level_follows_the_documented_thresholds(double ratio, double jam, CongestionLevel expected) =>
        Assert.Equal(expected, CongestionClassifier.Classify(ratio, jam));

    [Fact]
    public void Valid_reading_gets_ratio_level_rush_hour_utc_and_event_id()
    {
        var raw = new RawReading("rd_1", "Pho Hue", TestData.Hanoi(2025, 10, 15, 8, 30), 20, 40, null, false, new Coordinates(21, 105.8));
        Assert.True(TestData.Preprocessor().TryProcess(raw, out var reading, out _, out _));

        Assert.Equal(0.5, reading!.SpeedRatio);
        Assert.Equal(CongestionLevel.Moderate, reading.CongestionLevel);
        Assert.Equal(5.5, reading.JamFactor);
        Assert.True(reading.IsRushHour);
        Assert.Equal(TimeSpan.Zero, reading.Timestamp.Offset);
        Assert.Equal(new DateTimeOffset(2025, 10, 15, 1, 30, 0, TimeSpan.Zero), reading.Timestamp);
        Assert.Equal(EventIds.For("rd_1", reading.Timestamp), reading.EventId);
    }

    [Theory]
    [InlineData(6, 59, false)]
    [InlineData(7, 0, true)]
    [InlineData(8, 59, true)]
    [InlineData(9, 0, false)]
    [InlineData(17, 0, true)]
    [InlineData(18, 59, true)]
    [InlineData(19, 0, false)]
    public void Rush_hours_are_7_to_9_and_17_to_19_Hanoi_time(int hour, int minute, bool expected) =>
        Assert.Equal(expected, TestData.Preprocessor().CityTime.IsRushHour(TestData.Hanoi(2025, 10, 15, hour, minute).ToUniversalTime()));

    [Fact]
    public void Event_id_is_deterministic_per_road_and_time_and_is_a_version_5_uuid()
    {
        var id = EventIds.For("rd_1", Noon);
        Assert.Equal(id, EventIds.For("rd_1", Noon.ToUniversalTime()));
        Assert.NotEqual(id, EventIds.For("rd_2", Noon));
        Assert.NotEqual(id, EventIds.For("rd_1", Noon.AddMinutes(5)));
        Assert.Equal('5', id.ToString()[14]);
    }

    [Theory]
    [InlineData(null, 30.0, 40.0, null, false, RejectionReason.MissingRoadId)]
    [InlineData("", 30.0, 40.0, null, false, RejectionReason.MissingRoadId)]
    [InlineData("rd", double.NaN, 40.0, null, false, RejectionReason.NotANumber)]
    [InlineData("rd", double.PositiveInfinity, 40.0, null, false, RejectionReason.NotANumber)]
    [InlineData("rd", -1.0, 40.0, null, false, RejectionReason.NegativeSpeed)]
    [InlineData("rd", 250.0, 40.0, null, false, RejectionReason.AbsurdSpeed)]
    [InlineData("rd", 30.0, 0.0, null, false, RejectionReason.InvalidFreeFlowSpeed)]
    [InlineData("rd", 30.0, null, null, false, RejectionReason.InvalidFreeFlowSpeed)]
    [InlineData("rd", 30.0, 40.0, 11.0, false, RejectionReason.InvalidJamFactor)]
    [InlineData("rd", 0.0, 40.0, 10.0, true, RejectionReason.RoadClosed)]
    public void Invalid_reading_is_rejected_with_reason_and_payload(string? roadId, double speed, double? freeFlow, double? jam, bool closed, RejectionReason expected)
    {
        var batch = TestData.Preprocessor().CreateBatch("test", Noon);
        batch.Add(new RawReading(roadId, "x", Noon, speed, freeFlow, jam, closed, null), "original line", static s => s);
        var result = batch.Build();

        Assert.Empty(result.Readings);
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(expected, rejected.Reason);
        Assert.Equal("original line", rejected.Payload);
        Assert.Equal("test", rejected.Source);
        Assert.False(string.IsNullOrWhiteSpace(rejected.Detail));
    }

    [Fact]
    public void Rejections_and_acceptances_are_counted_on_the_ingest_meter()
    {
        var meters = TestData.NewMeterFactory();
        using var rejected = new MetricCollector<long>(meters, IngestMetrics.MeterName, "traffic.ingest.readings.rejected");
        using var accepted = new MetricCollector<long>(meters, IngestMetrics.MeterName, "traffic.ingest.readings.accepted");
        var batch = TestData.Preprocessor(meters).CreateBatch("test", Noon);
        batch.Add(new RawReading("a", null, Noon, -5, 40, null, false, null), 0, static _ => "p");
        batch.Add(new RawReading("b", null, Noon, -6, 40, null, false, null), 0, static _ => "p");
        batch.Add(new RawReading("c", null, Noon, 30, 40, null, false, null), 0, static _ => "p");
        batch.Build();

        var measurement = Assert.Single(rejected.GetMeasurementSnapshot());
        Assert.Equal(2, measurement.Value);
        Assert.Equal("negative_speed", measurement.Tags["reason"]);
        Assert.Equal(1, Assert.Single(accepted.GetMeasurementSnapshot()).Value);
    }

    [Fact]
    public void Rejected_reading_serializes_with_snake_case_reason()
    {
        var rejected = new RejectedReading("here", Noon, "rd", RejectionReason.RoadClosed, "closed", "{}");
        var json = System.Text.Json.JsonSerializer.Serialize(rejected, TrafficJson.Options);
        Assert.Contains("\"reason\":\"road_closed\"", json, StringComparison.Ordinal);
        Assert.Contains("\"observed_at\":", json, StringComparison.Ordinal);
    }
}
