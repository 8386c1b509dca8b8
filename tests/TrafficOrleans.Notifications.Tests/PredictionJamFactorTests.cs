using System.Text;
using System.Text.Json;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.GrainInterfaces.Messages.Validation;

namespace TrafficOrleans.Notifications.Tests;

public sealed class PredictionJamFactorTests
{
    private const string Old = """
        {"event_id":"5f1b8c36-0c4e-4b8e-9a51-0f6f3d0f2a11","timestamp":"2025-10-15T08:02:00Z","road_id":"hanoi_rd_123",
         "current_speed":30,"predicted_speed_10min":20,"predicted_speed_20min":18,"predicted_speed_30min":17,
         "prediction_confidence":0.9,"model_version":"lgbm-test"}
        """;

    [Fact]
    public void A_prediction_written_before_jam_factor_existed_still_decodes_with_no_jam_factor()
    {
        Assert.True(PredictionDecoder.TryDecode(Encoding.UTF8.GetBytes(Old), new MessageLimits(), null, out var prediction, out _, out var reason), reason);

        Assert.Null(prediction!.JamFactor);
        Assert.Equal(20, prediction.PredictedSpeed10Min);
    }

    [Fact]
    public void The_jam_factor_travels_in_the_prediction_json()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(Predictions.Of(30, 20, 18, 17, jamFactor: 4.2), TrafficJson.Options);

        Assert.Equal(4.2, JsonDocument.Parse(json).RootElement.GetProperty("jam_factor").GetDouble());
        Assert.True(PredictionDecoder.TryDecode(json, new MessageLimits(), null, out var prediction, out _, out var reason), reason);
        Assert.Equal(4.2, prediction!.JamFactor);
    }
}
