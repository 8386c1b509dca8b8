using TrafficOrleans.Forecasting.Features;

namespace TrafficOrleans.Forecasting.Evaluation;

/// <summary>Receives one forecast of a <see cref="ForecastWalk"/> with its input and the actual speeds (NaN = missing).</summary>
/// <param name="input">The model's input at the instant.</param>
/// <param name="forecast">What the model said.</param>
/// <param name="actual">Speeds at 10/20/30 minutes.</param>
public delegate void ForecastVisitor(in ForecastInput input, SpeedForecast forecast, ReadOnlySpan<float> actual);

/// <summary>Runs a model over evenly spaced dataset instants it can forecast, through the grain's inputs.</summary>
public static class ForecastWalk
{
    /// <summary>Calls <paramref name="visit"/> for at most <paramref name="maxSamples"/> instants the model can forecast.</summary>
    public static void Run(ISpeedForecaster model, TrafficDataset dataset, IReadOnlyList<Sample> samples, int maxSamples, ForecastVisitor visit)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(visit);
        var stride = Math.Max(1.0, samples.Count / (double)maxSamples);
        Span<float> speeds = stackalloc float[ForecastHorizons.WindowSteps];
        Span<float> nbr = stackalloc float[ForecastHorizons.WindowSteps];
        Span<float> actual = stackalloc float[ForecastHorizons.Count];
        for (var k = 0.0; k < samples.Count; k += stride)
        {
            var s = samples[(int)k];
            var road = dataset.Roads[s.Road];
            var input = WindowBuilder.Create(dataset, road, s.Step, speeds, nbr);
            if (model.CanForecast(input))
            {
                WindowBuilder.Targets(road, s.Step, actual);
                visit(input, model.Forecast(input), actual);
            }
        }
    }
}
