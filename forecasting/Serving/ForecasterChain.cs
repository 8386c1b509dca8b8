using TrafficOrleans.Forecasting.Evaluation;
using TrafficOrleans.Forecasting.Models;
using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Forecasting.Serving;

/// <summary>
/// Answers with the first model that can forecast the input — typically the champion, then the time-of-week
/// profile, then persistence — so a road with little history (cold start) still gets a forecast that says which
/// model made it. With no history and no profile it returns the free-flow speed, model <c>free-flow</c>,
/// confidence 0. Confidence comes from the model's 10–90 % interval where it has one (<see cref="ResidualIntervals"/>),
/// otherwise from its validation MAE (<see cref="ConfidenceEstimator"/>); such a model's interval goes on the wire too. Thread-safe; allocates only that interval record.
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
                if (_models[i] is GradientBoostedForecaster { Intervals: { } intervals })
                {
                    var confidence = intervals.Accuracy(input, forecast) * ConfidenceEstimator.WindowQuality(input);
                    return new ChainedForecast(forecast, confidence, i, IntervalOf(intervals, input, forecast));
                }

                return new ChainedForecast(forecast, ConfidenceEstimator.Overall(_quality[i], input), i);
            }
        }

        var f = input.FreeFlowSpeed;
        return new ChainedForecast(new SpeedForecast(f, f, f, FreeFlowModel, FreeFlowModel), 0, _models.Length);
    }

    private static PredictionInterval IntervalOf(ResidualIntervals intervals, in ForecastInput input, SpeedForecast forecast)
    {
        var (low10, high10) = intervals.Interval(input, forecast.Speed10, 0);
        var (low20, high20) = intervals.Interval(input, forecast.Speed20, 1);
        var (low30, high30) = intervals.Interval(input, forecast.Speed30, 2);
        return new PredictionInterval(low10, high10, low20, high20, low30, high30);
    }
}
