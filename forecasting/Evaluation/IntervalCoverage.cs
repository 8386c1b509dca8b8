using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.Models;

namespace TrafficOrleans.Forecasting.Evaluation;

/// <summary>
/// How often the actual speed falls inside a model's 10th–90th percentile interval (calibrated: 80 %), and how wide
/// the interval is on average, per horizon. Missing actuals are skipped.
/// </summary>
public static class IntervalCoverage
{
    /// <summary>Coverage (0–1) and mean width (km/h) per horizon over the given instants.</summary>
    public static (double[] Coverage, double[] MeanWidth) Evaluate(
        GradientBoostedForecaster model, ResidualIntervals intervals, TrafficDataset dataset, IReadOnlyList<Sample> samples, int maxSamples = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(intervals);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(samples);
        var inside = new long[ForecastHorizons.Count];
        var scored = new long[ForecastHorizons.Count];
        var width = new double[ForecastHorizons.Count];
        ForecastWalk.Run(model, dataset, samples, maxSamples, (in ForecastInput input, SpeedForecast f, ReadOnlySpan<float> actual) =>
        {
            for (var h = 0; h < ForecastHorizons.Count; h++)
            {
                if (float.IsNaN(actual[h]))
                {
                    continue;
                }

                var (low, high) = intervals.Interval(input, f[h], h);
                scored[h]++;
                inside[h] += actual[h] >= low && actual[h] <= high ? 1 : 0;
                width[h] += high - low;
            }
        });

        return (
            [.. inside.Zip(scored, (i, n) => n == 0 ? double.NaN : i / (double)n)],
            [.. width.Zip(scored, (w, n) => n == 0 ? double.NaN : w / n)]);
    }
}
