namespace TrafficOrleans.Forecasting.Models;

/// <summary>The naive baseline: every horizon repeats the newest observed speed.</summary>
public sealed class PersistenceForecaster : ISpeedForecaster
{
    /// <summary>Model family name.</summary>
    public const string ModelName = "persistence";

    /// <inheritdoc />
    public string Name => ModelName;

    /// <inheritdoc />
    public string Version => "persistence-1";

    /// <inheritdoc />
    public bool CanForecast(in ForecastInput input) => !float.IsNaN(input.LastSpeed);

    /// <inheritdoc />
    public SpeedForecast Forecast(in ForecastInput input)
    {
        var last = input.LastSpeed;
        return new SpeedForecast(last, last, last, Name, Version);
    }
}
