using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.Lstm;
using TrafficOrleans.Forecasting.Models;
using TrafficOrleans.Forecasting.Onnx;

namespace TrafficOrleans.Forecasting.Tests;

public sealed class OnnxRoundTripTests
{
    [Fact]
    public void Exported_lstm_run_by_onnx_runtime_matches_the_csharp_network()
    {
        var layout = new SequenceLayout(["speed", "missing", "tod_sin", "tod_cos"], 100f, Residual: true);
        var shape = new LstmShape(layout.Width, ForecastHorizons.WindowSteps, Hidden: 16, Dense: 8);
        var net = LstmNetwork.CreateRandom(shape, seed: 4);
        var csharp = new LstmForecaster("lstm-test", net, layout, profile: null);
        using var onnx = new OnnxForecaster(OnnxLstmExporter.Export(net, layout), "onnx-test", profile: null);

        Assert.Equal(layout.Features, onnx.Layout.Features);
        Assert.True(onnx.Layout.Residual);
        var rng = new Random(1);
        var speeds = new float[ForecastHorizons.WindowSteps];
        for (var trial = 0; trial < 20; trial++)
        {
            for (var i = 0; i < speeds.Length; i++)
            {
                speeds[i] = rng.NextDouble() < 0.1 ? float.NaN : 10 + (50 * rng.NextSingle());
            }

            var time = new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero).AddMinutes(37 * trial);
            var input = new ForecastInput("r", time, time, speeds, [], 50, 2, false);
            var a = csharp.Forecast(input);
            var b = onnx.Forecast(input);
            for (var h = 0; h < ForecastHorizons.Count; h++)
            {
                Assert.Equal(a[h], b[h], 0.01f);
            }

            Assert.NotEqual(a[0], input.LastSpeed);
        }
    }
}
