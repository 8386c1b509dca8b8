namespace TrafficOrleans.Forecasting;

/// <summary>Speeds (km/h) forecast 10, 20 and 30 minutes ahead, and which model produced them.</summary>
/// <param name="Speed10">Forecast 10 minutes ahead.</param>
/// <param name="Speed20">Forecast 20 minutes ahead.</param>
/// <param name="Speed30">Forecast 30 minutes ahead.</param>
/// <param name="Model">Model family, e.g. <c>lgbm</c>, <c>historical-average</c>.</param>
/// <param name="Version">Model version, e.g. <c>lgbm-20261124T0530Z</c>.</param>
public readonly record struct SpeedForecast(float Speed10, float Speed20, float Speed30, string Model, string Version)
{
    /// <summary>The speed for horizon index 0 (10 min), 1 (20 min) or 2 (30 min).</summary>
    public float this[int horizon] => horizon switch
    {
        0 => Speed10,
        1 => Speed20,
        2 => Speed30,
        _ => throw new ArgumentOutOfRangeException(nameof(horizon)),
    };
}
