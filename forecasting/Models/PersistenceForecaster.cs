namespace TrafficOrleans.Forecasting.Models;

/// <summary>The naive baseline: every horizon repeats the newest observed speed.</summary>
public sealed class PersistenceForecaster : ISpeedForecaster
{
    /// <summary>Model family name.</summary>
    public const string ModelName = "persistence";

    /// <summary>Version of the untrained instance used before any training run (cold start).</summary>
    public const string DefaultVersion = "persistence-1";

    /// <summary>
    /// Creates the baseline; a training run gives it its own version so that its validation scores (which confidence
    /// uses) are recorded per run in the model registry.
    /// </summary>
    public PersistenceForecaster(string version = DefaultVersion) => Version = version;

    /// <inheritdoc />
    public string Name => ModelName;

    /// <inheritdoc />
    public string Version { get; }

    /// <inheritdoc />
    public bool CanForecast(in ForecastInput input) => !float.IsNaN(input.LastSpeed);

    /// <inheritdoc />
    public SpeedForecast Forecast(in ForecastInput input)
    {
        var last = input.LastSpeed;
        return new SpeedForecast(last, last, last, Name, Version);
    }
}
