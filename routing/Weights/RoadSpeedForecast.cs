namespace TrafficOrleans.Routing.Weights;

/// <summary>
/// One road's speeds from a prediction (a <c>traffic-predictions</c> message): the current speed and the
/// forecasts 10, 20 and 30 minutes ahead, all in km/h, and the forecasts' 10–90 % range when the model has one.
/// </summary>
public readonly record struct RoadSpeedForecast(
    string RoadId, double CurrentKmh, double In10MinKmh, double In20MinKmh, double In30MinKmh, SpeedInterval? Interval = null);
