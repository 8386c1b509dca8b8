namespace TrafficOrleans.Forecasting;

/// <summary>
/// A model that forecasts one road's speed 10, 20 and 30 minutes ahead. Implementations are immutable once trained
/// and thread-safe, so one instance serves every road grain of a silo; <see cref="Forecast"/> allocates nothing.
/// </summary>
public interface ISpeedForecaster
{
    /// <summary>Model family, e.g. <c>persistence</c>, <c>historical-average</c>, <c>lgbm</c>, <c>lstm</c>, <c>onnx</c>.</summary>
    string Name { get; }

    /// <summary>Version string of the trained artefact, e.g. <c>lgbm-20261124T0530Z</c>.</summary>
    string Version { get; }

    /// <summary>Whether the model has what it needs (history, profile) to forecast this input.</summary>
    bool CanForecast(in ForecastInput input);

    /// <summary>Forecasts the road's speed; callers check <see cref="CanForecast"/> first.</summary>
    SpeedForecast Forecast(in ForecastInput input);
}
