using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Forecasting.Serving;

/// <summary>A forecast with its confidence and how far down the fallback chain it came from (0 = primary model).</summary>
/// <param name="Forecast">Speeds and the model/version that produced them.</param>
/// <param name="Confidence">See <see cref="Evaluation.ConfidenceEstimator"/>.</param>
/// <param name="FallbackLevel">Index in the chain of the model that answered; the chain length for the free-flow guess.</param>
/// <param name="Interval">The answering model's 10–90 % range per horizon, when it has calibrated intervals.</param>
public readonly record struct ChainedForecast(SpeedForecast Forecast, double Confidence, int FallbackLevel, PredictionInterval? Interval = null)
{
    /// <summary>The wire message for the reading the forecast was made from.</summary>
    public RoadPrediction ToPrediction(Guid eventId, DateTimeOffset timestamp, string roadId, double currentSpeed) =>
        new(eventId, timestamp, roadId, currentSpeed, Forecast.Speed10, Forecast.Speed20, Forecast.Speed30, Confidence, Forecast.Version, Interval: Interval);
}
