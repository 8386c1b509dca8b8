using TrafficOrleans.Forecasting.Evaluation;
using TrafficOrleans.Forecasting.Models;

namespace TrafficOrleans.Forecasting.Serving;

/// <summary>
/// Answers with the first model that can forecast the input — typically the champion, then the time-of-week
/// profile, then persistence — so a road with little history (cold start) still gets a forecast that says which
/// model made it. With no history and no profile it returns the free-flow speed, model <c>free-flow</c>,
/// confidence 0. Confidence comes from the model's 10–90 % interval where it has one (<see cref="ResidualIntervals"/>),
/// otherwise from its validation MAE (<see cref="ConfidenceEstimator"/>). Thread-safe and allocation-free.
/// </summary>
public sealed class ForecasterChain
{
    /// <summary>Model name reported when nothing could forecast.</summary>
    public const string FreeFlowModel = "free-flow";

    private readonly ISpeedForecaster[] _models;
    private readonly ModelQuality[] _quality;

    /// <summary>Creates a chain from models in priority order with their validation quality.</summary>
    public ForecasterChain(IReadOnlyList<(ISpeedForecaster Model, ModelQuality Quality)> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        _models = [.. models.Select(m => m.Model)];
        _quality = [.. models.Select(m => m.Quality)];
    }

    /// <summary>The standard chain: primary, historical average, persistence.</summary>
    public static ForecasterChain Standard(
        ISpeedForecaster primary, ModelQuality primaryQuality, HistoricalAverageForecaster profile, ModelQuality profileQuality, ModelQuality persistenceQuality) =>
        new([(primary, primaryQuality), (profile, profileQuality), (new PersistenceForecaster(), persistenceQuality)]);

    /// <summary>Models in priority order.</summary>
    public IReadOnlyList<ISpeedForecaster> Models => _models;

    /// <summary>Forecasts with the first capable model.</summary>
    public ChainedForecast Forecast(in ForecastInput input)
    {
        for (var i = 0; i < _models.Length; i++)
        {
            if (_models[i].CanForecast(input))
            {
                var forecast = _models[i].Forecast(input);
                var confidence = _models[i] is GradientBoostedForecaster { Intervals: { } intervals }
                    ? intervals.Accuracy(input, forecast) * ConfidenceEstimator.WindowQuality(input)
                    : ConfidenceEstimator.Overall(_quality[i], input);
                return new ChainedForecast(forecast, confidence, i);
            }
        }

        var f = input.FreeFlowSpeed;
        return new ChainedForecast(new SpeedForecast(f, f, f, FreeFlowModel, FreeFlowModel), 0, _models.Length);
    }
}
