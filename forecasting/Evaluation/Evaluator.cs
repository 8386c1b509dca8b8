using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.Models;

namespace TrafficOrleans.Forecasting.Evaluation;

/// <summary>Scores a model on dataset instants through the same <see cref="WindowBuilder"/> inputs a grain would build.</summary>
public static class Evaluator
{
    /// <summary>
    /// Metrics per horizon. Where the model cannot forecast an input, persistence answers instead (as the serving
    /// chain would), so every model is scored on the same instants. Returns also the mean actual speed.
    /// </summary>
    public static (HorizonMetrics[] Metrics, double MeanSpeed) Evaluate(ISpeedForecaster model, TrafficDataset dataset, IReadOnlyList<Sample> samples, int maxSamples = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(samples);
        var stride = Math.Max(1.0, samples.Count / (double)maxSamples);
        var count = (int)(samples.Count / stride);
        const int parts = 2;
        var acc = new MetricsAccumulator[parts][];
        Parallel.For(0, parts, p =>
        {
            var mine = acc[p] = [new MetricsAccumulator(), new MetricsAccumulator(), new MetricsAccumulator()];
            var fallback = new PersistenceForecaster();
            Span<float> speeds = stackalloc float[ForecastHorizons.WindowSteps];
            Span<float> nbr = stackalloc float[ForecastHorizons.WindowSteps];
            Span<float> actual = stackalloc float[ForecastHorizons.Count];
            for (var i = p; i < count; i += parts)
            {
                var s = samples[(int)(i * stride)];
                var road = dataset.Roads[s.Road];
                var input = WindowBuilder.Create(dataset, road, s.Step, speeds, nbr);
                var f = model.CanForecast(input) ? model.Forecast(input) : fallback.Forecast(input);
                WindowBuilder.Targets(road, s.Step, actual);
                for (var h = 0; h < ForecastHorizons.Count; h++)
                {
                    mine[h].Add(f[h], actual[h]);
                }
            }
        });

        for (var p = 1; p < parts; p++)
        {
            for (var h = 0; h < ForecastHorizons.Count; h++)
            {
                acc[0][h].Merge(acc[p][h]);
            }
        }

        var metrics = new HorizonMetrics[ForecastHorizons.Count];
        for (var h = 0; h < metrics.Length; h++)
        {
            metrics[h] = acc[0][h].ToMetrics(ForecastHorizons.MinutesAhead(h));
        }

        return (metrics, acc[0][0].MeanActual);
    }
}
