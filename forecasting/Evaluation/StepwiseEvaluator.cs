using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.Models;

namespace TrafficOrleans.Forecasting.Evaluation;

/// <summary>
/// Scores a model the way the T-GCN/DCRNN papers report: for a horizon of k five-minute steps, the error is pooled over
/// every step 1…k, not only step k. Our models answer at 10/20/30 minutes; the 5/15/25-minute values are interpolated
/// linearly between the newest reading and the forecasts (what a caller asking for those times would get).
/// </summary>
public static class StepwiseEvaluator
{
    private const int Steps = 6;

    /// <summary>Pooled metrics per horizon (10/20/30 min) over every 5-minute step up to it.</summary>
    public static HorizonMetrics[] Evaluate(ISpeedForecaster model, TrafficDataset dataset, IReadOnlyList<Sample> samples, int maxSamples = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(samples);
        var stride = Math.Max(1.0, samples.Count / (double)maxSamples);
        var count = (int)(samples.Count / stride);
        var pooled = new MetricsAccumulator[ForecastHorizons.Count];
        for (var h = 0; h < pooled.Length; h++)
        {
            pooled[h] = new MetricsAccumulator();
        }

        var fallback = new PersistenceForecaster();
        Span<float> speeds = stackalloc float[ForecastHorizons.WindowSteps];
        Span<float> nbr = stackalloc float[ForecastHorizons.WindowSteps];
        Span<float> byStep = stackalloc float[Steps + 1];
        for (var i = 0; i < count; i++)
        {
            var s = samples[(int)(i * stride)];
            var road = dataset.Roads[s.Road];
            var input = WindowBuilder.Create(dataset, road, s.Step, speeds, nbr);
            var f = model.CanForecast(input) ? model.Forecast(input) : fallback.Forecast(input);
            byStep[0] = LastValid(speeds);
            for (var h = 0; h < ForecastHorizons.Count; h++)
            {
                byStep[2 * (h + 1)] = f[h];
                byStep[(2 * h) + 1] = (byStep[2 * h] + f[h]) / 2;
            }

            for (var step = 1; step <= Steps; step++)
            {
                var idx = s.Step + step;
                var actual = idx < road.Speed.Length ? road.Speed[idx] : float.NaN;
                for (var h = (step - 1) / 2; h < ForecastHorizons.Count; h++)
                {
                    pooled[h].Add(byStep[step], actual);
                }
            }
        }

        var metrics = new HorizonMetrics[ForecastHorizons.Count];
        for (var h = 0; h < metrics.Length; h++)
        {
            metrics[h] = pooled[h].ToMetrics(ForecastHorizons.MinutesAhead(h));
        }

        return metrics;
    }

    private static float LastValid(ReadOnlySpan<float> speeds)
    {
        for (var i = speeds.Length - 1; i >= 0; i--)
        {
            if (!float.IsNaN(speeds[i]))
            {
                return speeds[i];
            }
        }

        return float.NaN;
    }
}
