using TrafficOrleans.Forecasting.Evaluation;
using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.Models;
using TrafficOrleans.Forecasting.Serving;
using TrafficOrleans.Forecasting.Training;
using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Forecasting.Tests;

/// <summary>10th–90th percentile intervals: calibrated on a series whose noise is known, and driving confidence.</summary>
public sealed class IntervalTests
{
    private const double Sigma = 3;

    [Fact]
    public void Intervals_cover_80_percent_of_a_series_with_known_noise_and_have_the_normal_width()
    {
        // Speeds = a steady level + independent normal noise: the best forecast is the level, its error is the noise,
        // so the 10–90 % interval is ± 1.2816 σ around it and holds 80 % of the unseen test speeds.
        var dataset = TrafficDataset.FromReadings(NoisyRoads(roads: 4, days: 14, seed: 5));
        var split = DatasetSplit.Create(dataset, 0.8, 0.15);
        var (train, validation, test) = split.Windows(dataset);
        var profile = HistoricalAverageForecaster.Fit(dataset, split.ValidationStart, "ha-test");
        var trees = GradientBoostedTrainer.Train(dataset, train, profile, new GradientBoostedOptions { Iterations = 80 }, "lgbm-test", validation: validation,
            trainingProfiles: new OutOfFoldProfiles(dataset, split.ValidationStart, profile.SlotMinutes));
        var intervals = ResidualIntervals.Fit(trees, dataset, validation);

        var (coverage, width) = IntervalCoverage.Evaluate(trees, intervals, dataset, test);

        var text = $"coverage {string.Join(", ", coverage)}, width {string.Join(", ", width)}";
        Assert.All(coverage, c => Assert.InRange(c, 0.75, 0.85));
        Assert.All(width, w => Assert.InRange(w, 0.85 * 2 * 1.2816 * Sigma, 1.25 * 2 * 1.2816 * Sigma));
        Assert.True(coverage.Length == 3, text);
    }

    [Fact]
    public void A_jammed_volatile_road_gets_a_wider_interval_and_lower_confidence_than_a_steady_one()
    {
        var (readings, adjacency) = Simulation.SyntheticTraffic.Generate(roads: 8, days: 14, seed: 9);
        var dataset = TrafficDataset.FromReadings(readings, adjacency);
        var split = DatasetSplit.Create(dataset, 0.8, 0.15);
        var (train, validation, _) = split.Windows(dataset);
        var profile = HistoricalAverageForecaster.Fit(dataset, split.ValidationStart, "ha-test");
        var trees = GradientBoostedTrainer.Train(dataset, train, profile, new GradientBoostedOptions { Iterations = 40 }, "lgbm-test");
        var model = trees.WithIntervals(ResidualIntervals.Fit(trees, dataset, validation));
        var chain = ForecasterChain.Standard(model, new ModelQuality([1, 1, 1], 40), profile, new ModelQuality([2, 2, 2], 40), new ModelQuality([2, 2, 2], 40));
        var now = dataset.TimeAt(dataset.Length - 1);
        var freeFlow = dataset.Roads[0].TypicalFreeFlow;
        float[] steady = [.. Enumerable.Repeat(freeFlow, ForecastHorizons.WindowSteps)];
        float[] jammed = [.. Enumerable.Range(0, ForecastHorizons.WindowSteps).Select(i => freeFlow * (i % 2 == 0 ? 0.5f : 0.2f))];

        var a = chain.Forecast(new ForecastInput(dataset.Roads[0].RoadId, now, now, steady, [], freeFlow, 0, false));
        var b = chain.Forecast(new ForecastInput(dataset.Roads[0].RoadId, now, now, jammed, [], freeFlow, 8, false));
        var (aLow, aHigh) = model.Intervals!.Interval(new ForecastInput(dataset.Roads[0].RoadId, now, now, steady, [], freeFlow, 0, false), a.Forecast[2], 2);
        var (bLow, bHigh) = model.Intervals!.Interval(new ForecastInput(dataset.Roads[0].RoadId, now, now, jammed, [], freeFlow, 8, false), b.Forecast[2], 2);

        Assert.Equal(0, a.FallbackLevel);
        Assert.True(bHigh - bLow > aHigh - aLow, $"jammed width {bHigh - bLow:F2}, steady {aHigh - aLow:F2}");
        Assert.True(b.Confidence < a.Confidence, $"jammed {b.Confidence:F3}, steady {a.Confidence:F3}");
        Assert.InRange(a.Confidence, 0.5, 1);

        // The same ranges travel with the prediction; a model without intervals sends none.
        var wire = b.ToPrediction(Guid.NewGuid(), now, dataset.Roads[0].RoadId, freeFlow * 0.2);
        Assert.NotNull(wire.Interval);
        Assert.Equal(bLow, wire.Interval.Low30Min, 3);
        Assert.Equal(bHigh, wire.Interval.High30Min, 3);
        Assert.True(wire.Interval.Low10Min <= wire.Interval.High10Min && wire.Interval.Low20Min <= wire.Interval.High20Min);
        var withoutIntervals = ForecasterChain.Standard(trees, new ModelQuality([1, 1, 1], 40), profile, new ModelQuality([2, 2, 2], 40), new ModelQuality([2, 2, 2], 40));
        Assert.Null(withoutIntervals.Forecast(new ForecastInput(dataset.Roads[0].RoadId, now, now, steady, [], freeFlow, 0, false)).Interval);
    }

    private static List<TrafficReading> NoisyRoads(int roads, int days, int seed)
    {
        var random = new Random(seed);
        var start = new DateTimeOffset(2026, 10, 5, 0, 0, 0, TimeSpan.Zero);
        var readings = new List<TrafficReading>();
        for (var r = 0; r < roads; r++)
        {
            var level = 40 + (10 * r);
            for (var t = 0; t < days * 24 * 12; t++)
            {
                var time = start + (t * ForecastHorizons.Step);
                var u = 1 - random.NextDouble();
                var speed = level + (Sigma * Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * random.NextDouble()));
                readings.Add(new TrafficReading(Guid.CreateVersion7(time), time, $"noisy-{r}", $"noisy-{r}", speed, 80, 0, CongestionLevel.Free, speed / 80, false));
            }
        }

        return readings;
    }
}
