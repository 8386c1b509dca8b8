using TrafficOrleans.Forecasting.Evaluation;
using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.Models;
using TrafficOrleans.Forecasting.Serving;
using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Forecasting.Tests;

public sealed class ConfidenceAndFallbackTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);
    private static readonly ModelQuality Good = new([2.0, 3.0, 4.0], 40);

    private static float[] Full() => [.. Enumerable.Range(0, 12).Select(i => 40f + i)];

    [Fact]
    public void Fresh_full_window_gets_the_models_accuracy()
    {
        var input = new ForecastInput("r", Now, Now, Full(), [], 50, 1, false);
        var expected = ((1 - (2 / 40.0)) + (1 - (3 / 40.0)) + (1 - (4 / 40.0))) / 3;
        Assert.Equal(expected, ConfidenceEstimator.Overall(Good, input), 9);
    }

    [Fact]
    public void Stale_or_incomplete_windows_lower_confidence()
    {
        var fresh = ConfidenceEstimator.Overall(Good, new ForecastInput("r", Now, Now, Full(), [], 50, 1, false));
        var stale = ConfidenceEstimator.Overall(Good, new ForecastInput("r", Now, Now.AddMinutes(20), Full(), [], 50, 1, false));
        var gappy = Full();
        gappy[2] = gappy[5] = gappy[7] = float.NaN;
        var incomplete = ConfidenceEstimator.Overall(Good, new ForecastInput("r", Now, Now, gappy, [], 50, 1, false));
        Assert.True(stale < fresh * 0.5);
        Assert.Equal(fresh * 9 / 12, incomplete, 9);
    }

    [Fact]
    public void Less_accurate_model_gets_lower_confidence()
    {
        var input = new ForecastInput("r", Now, Now, Full(), [], 50, 1, false);
        Assert.True(ConfidenceEstimator.Overall(new ModelQuality([8.0, 9.0, 10.0], 40), input) < ConfidenceEstimator.Overall(Good, input));
        Assert.Equal(0, ConfidenceEstimator.Overall(ModelQuality.Unknown, input));
    }

    [Fact]
    public void Cold_start_falls_back_to_profile_then_last_value_then_free_flow()
    {
        var readings = Enumerable.Range(0, 7 * 288).Select(i => new TrafficReading(
            Guid.NewGuid(), Now.AddDays(-8).AddMinutes(5 * i), "known", "known", 33, 50, 1, CongestionLevel.Free, 0.66, false, null));
        var profile = HistoricalAverageForecaster.Fit(TrafficDataset.FromReadings(readings), 7 * 288, "ha-1");
        var primary = new PersistenceForecaster();
        var chain = new ForecasterChain([(new NeedsFullWindow(), Good), (profile, Good), (primary, Good)]);

        float[] shortHistory = [float.NaN, float.NaN, float.NaN, float.NaN, float.NaN, float.NaN, float.NaN, float.NaN, float.NaN, float.NaN, float.NaN, 20];
        var known = chain.Forecast(new ForecastInput("known", Now, Now, shortHistory, [], 50, 1, false));
        Assert.Equal(HistoricalAverageForecaster.ModelName, known.Forecast.Model);
        Assert.Equal(33, known.Forecast.Speed20, 3);
        Assert.Equal(1, known.FallbackLevel);

        var unknown = chain.Forecast(new ForecastInput("new-road", Now, Now, shortHistory, [], 50, 1, false));
        Assert.Equal(PersistenceForecaster.ModelName, unknown.Forecast.Model);
        Assert.Equal(20, unknown.Forecast.Speed30);

        var nothing = chain.Forecast(new ForecastInput("new-road", Now, Now, new float[12] { float.NaN, float.NaN, float.NaN, float.NaN, float.NaN, float.NaN, float.NaN, float.NaN, float.NaN, float.NaN, float.NaN, float.NaN }, [], 50, 1, false));
        Assert.Equal(ForecasterChain.FreeFlowModel, nothing.Forecast.Model);
        Assert.Equal(0, nothing.Confidence);

        var full = chain.Forecast(new ForecastInput("known", Now, Now, Full(), [], 50, 1, false));
        Assert.Equal(0, full.FallbackLevel);
        var msg = full.ToPrediction(Guid.NewGuid(), Now, "known", 51);
        Assert.Equal(full.Forecast.Version, msg.ModelVersion);
        Assert.InRange(msg.PredictionConfidence, 0.01, 1);
    }

    private sealed class NeedsFullWindow : ISpeedForecaster
    {
        public string Name => "full";

        public string Version => "full-1";

        public bool CanForecast(in ForecastInput input) => input.ValidSteps == 12;

        public SpeedForecast Forecast(in ForecastInput input) => new(1, 2, 3, Name, Version);
    }
}
