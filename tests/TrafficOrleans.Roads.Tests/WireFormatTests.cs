using System.Text.Json;
using TrafficOrleans.Api.Traffic;
using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Roads.Tests;

public sealed class WireFormatTests
{
    [Fact]
    public void Reading_serializes_with_the_original_design_field_names()
    {
        var reading = new TrafficReading(Guid.Parse("7b0c2a34-0f2e-4f7e-9a55-7e3b2b8c9d10"), new DateTimeOffset(2025, 10, 20, 15, 30, 0, TimeSpan.Zero),
            "hanoi_rd_1234", "Kim Ma", 18.5, 45, 6.2, CongestionLevel.Heavy, 0.41, false, new Coordinates(21.03, 105.82));

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(reading, TrafficJson.Options));
        var root = json.RootElement;

        Assert.Equal("7b0c2a34-0f2e-4f7e-9a55-7e3b2b8c9d10", root.GetProperty("event_id").GetString());
        Assert.Equal("2025-10-20T15:30:00+00:00", root.GetProperty("timestamp").GetString());
        Assert.Equal("hanoi_rd_1234", root.GetProperty("road_id").GetString());
        Assert.Equal(18.5, root.GetProperty("current_speed").GetDouble());
        Assert.Equal("heavy", root.GetProperty("congestion_level").GetString());
        Assert.False(root.GetProperty("is_rush_hour").GetBoolean());
        Assert.Equal(21.03, root.GetProperty("coordinates").GetProperty("lat").GetDouble());
        Assert.Equal(reading, JsonSerializer.Deserialize<TrafficReading>(json.RootElement.GetRawText(), TrafficJson.Options));
    }

    [Fact]
    public void Prediction_uses_minute_suffixed_horizon_names()
    {
        var prediction = new RoadPrediction(Guid.NewGuid(), DateTimeOffset.UnixEpoch, "r", 30, 29, 28, 27, 0.8, "persistence");

        var text = JsonSerializer.Serialize(prediction, TrafficJson.Options);

        Assert.Contains("\"predicted_speed_10min\":29", text, StringComparison.Ordinal);
        Assert.Contains("\"predicted_speed_30min\":27", text, StringComparison.Ordinal);
        Assert.Contains("\"prediction_confidence\":0.8", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Current_traffic_response_has_the_product_shape()
    {
        var reading = new TrafficReading(Guid.NewGuid(), DateTimeOffset.UnixEpoch, "r1", "Lang Ha", 22.46, 50, 5, CongestionLevel.Moderate, 0.45, true, null);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(RoadTrafficResponse.From(reading), TrafficJson.Options));
        var names = json.RootElement.EnumerateObject().Select(p => p.Name).ToArray();

        Assert.Equal(
            ["road_id", "road_name", "current_speed", "jam_factor", "congestion_level", "last_updated",
             "predicted_speed_10min", "predicted_speed_20min", "predicted_speed_30min"],
            names);
        Assert.Equal(22.5, json.RootElement.GetProperty("current_speed").GetDouble());
        // Without a prediction of this very reading the forecast fields are null, never another moment's forecast.
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("predicted_speed_10min").ValueKind);
    }

    [Fact]
    public void Current_traffic_carries_the_forecast_made_from_that_reading_only()
    {
        var reading = new TrafficReading(Guid.NewGuid(), DateTimeOffset.UnixEpoch, "r1", "Lang Ha", 22.46, 50, 5, CongestionLevel.Moderate, 0.45, true, null);
        var own = new RoadPrediction(Guid.NewGuid(), reading.Timestamp, "r1", 22.46, 20.04, 18.06, 16.01, 0.8, "lgbm-1");
        var older = own with { Timestamp = reading.Timestamp.AddMinutes(-5) };

        Assert.Equal(20.0, RoadTrafficResponse.From(reading, own).PredictedSpeed10Min);
        Assert.Equal(16.0, RoadTrafficResponse.From(reading, own).PredictedSpeed30Min);
        Assert.Null(RoadTrafficResponse.From(reading, older).PredictedSpeed10Min);
    }
}
