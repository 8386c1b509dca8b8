using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.Models;
using TrafficOrleans.Forecasting.Training;
using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Forecasting.Tests;

public sealed class LeakageTests
{
    private static TrafficDataset WhiteNoise(int roads, int steps, int seed)
    {
        // Speeds independent of their past: only a model that peeks at t+10/20/30 min could forecast them.
        var rng = new Random(seed);
        var t0 = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
        var readings = new List<TrafficReading>();
        for (var r = 0; r < roads; r++)
        {
            for (var t = 0; t < steps; t++)
            {
                var speed = 10 + (40 * rng.NextDouble());
                readings.Add(new TrafficReading(Guid.NewGuid(), t0.AddMinutes(5 * t), $"r{r}", $"r{r}", speed, 50, 0, CongestionLevel.Free, speed / 50, false, null));
            }
        }

        return TrafficDataset.FromReadings(readings);
    }

    [Fact]
    public void Tree_model_cannot_forecast_white_noise_so_no_future_value_leaks_into_its_rows()
    {
        var data = WhiteNoise(roads: 4, steps: 2000, seed: 11);
        var split = DatasetSplit.Create(data, 0.8, 0.15);
        var profile = HistoricalAverageForecaster.Fit(data, split.ValidationStart, "ha-test");
        var model = GradientBoostedTrainer.Train(data, split.Train(data), profile, new GradientBoostedOptions { Iterations = 60 }, "lgbm-test");
        var (metrics, _) = Evaluation.Evaluator.Evaluate(model, data, split.Test(data));

        // Uniform on [10, 50]: the best leak-free forecast (the mean) has MAE 10; a leaky row would give ≈ 0.
        Assert.All(metrics, m => Assert.True(m.Mae > 8, $"MAE {m.Mae} at {m.HorizonMinutes} min"));
    }

    [Fact]
    public void Changing_the_future_does_not_change_a_rows_features()
    {
        var data = WhiteNoise(roads: 2, steps: 400, seed: 5);
        var profile = HistoricalAverageForecaster.Fit(data, 100, "ha-test");
        var road = data.Roads[0];
        const int t = 200;
        var before = Row(data, road, t, profile);
        for (var i = t + 1; i < data.Length; i++)
        {
            road.Speed[i] = 1000;
            road.NeighbourRatio[i] = 9;
        }

        Assert.Equal(before, Row(data, road, t, profile));
    }

    private static float[] Row(TrafficDataset data, RoadSeries road, int t, HistoricalAverageForecaster profile)
    {
        Span<float> speeds = stackalloc float[ForecastHorizons.WindowSteps];
        Span<float> nbr = stackalloc float[ForecastHorizons.WindowSteps];
        var input = WindowBuilder.Create(data, road, t, speeds, nbr);
        var tree = new float[TreeFeatures.Count];
        TreeFeatures.Fill(input, profile, tree);
        var seq = new float[ForecastHorizons.WindowSteps * SequenceLayout.Default.Width];
        SequenceLayout.Default.Fill(input, profile, seq);
        return [.. tree, .. seq];
    }
}
