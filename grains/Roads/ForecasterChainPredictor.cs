using TrafficOrleans.Forecasting;
using TrafficOrleans.Forecasting.Evaluation;
using TrafficOrleans.Forecasting.Models;
using TrafficOrleans.Forecasting.Serving;
using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Grains.Roads;

/// <summary>
/// Turns a road's window into the model input (the last 12 five-minute steps ending at the newest
/// reading, NaN where a step is missing) and asks the current forecaster chain.
/// </summary>
public sealed class ForecasterChainPredictor(Func<ForecasterChain> currentChain) : IRoadPredictor
{
    /// <summary>Steps the models look back on.</summary>
    public const int Steps = 12;

    private static readonly TimeSpan Step = TimeSpan.FromMinutes(5);

    /// <summary>A predictor whose chain is only the last-value baseline (before any model is trained).</summary>
    public static ForecasterChainPredictor PersistenceOnly()
    {
        var chain = new ForecasterChain([(new PersistenceForecaster(), ModelQuality.Unknown)]);
        return new ForecasterChainPredictor(() => chain);
    }

    /// <inheritdoc />
    public RoadPrediction Predict(IReadOnlyList<TrafficReading> window, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(window);
        var latest = window[^1];
        Span<float> speeds = stackalloc float[Steps];
        Span<float> neighbours = stackalloc float[Steps];
        speeds.Fill(float.NaN);
        neighbours.Fill(float.NaN);
        foreach (var reading in window)
        {
            // Slot by 5-minute distance from the newest reading; readings off the grid round to the nearest step.
            var stepsBack = (int)Math.Round((latest.Timestamp - reading.Timestamp) / Step);
            if (stepsBack is >= 0 and < Steps) speeds[Steps - 1 - stepsBack] = (float)reading.CurrentSpeed;
        }

        var input = new ForecastInput(latest.RoadId, latest.Timestamp, now, speeds, neighbours,
            (float)latest.FreeFlowSpeed, (float)latest.JamFactor, latest.IsRushHour);
        var forecast = currentChain().Forecast(input);
        return forecast.ToPrediction(PredictionEventIds.For(latest.RoadId, latest.Timestamp), latest.Timestamp, latest.RoadId, latest.CurrentSpeed);
    }
}
