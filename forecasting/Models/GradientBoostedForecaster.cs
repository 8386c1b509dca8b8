using TrafficOrleans.Forecasting.Features;

namespace TrafficOrleans.Forecasting.Models;

/// <summary>
/// Gradient-boosted trees (LightGBM via ML.NET), one global model per horizon across all roads. Each model predicts
/// the change from the newest speed; inference evaluates the flattened trees directly, without ML.NET.
/// </summary>
public sealed class GradientBoostedForecaster : ISpeedForecaster
{
    /// <summary>Model family name.</summary>
    public const string ModelName = "lgbm";

    // 2 appends the optional residual intervals; format 1 artefacts still load (without intervals).
    private const int Format = 2;
    private readonly FlatTreeEnsemble[] _horizons;

    /// <summary>Creates the model from one ensemble per horizon and the profile its features use.</summary>
    public GradientBoostedForecaster(string version, IReadOnlyList<FlatTreeEnsemble> horizons, HistoricalAverageForecaster profile, ResidualIntervals? intervals = null)
    {
        ArgumentNullException.ThrowIfNull(horizons);
        if (horizons.Count != ForecastHorizons.Count)
        {
            throw new ArgumentException("One ensemble per horizon is required.", nameof(horizons));
        }

        Version = version;
        _horizons = [.. horizons];
        Profile = profile;
        Intervals = intervals;
    }

    /// <inheritdoc />
    public string Name => ModelName;

    /// <inheritdoc />
    public string Version { get; }

    /// <summary>Time-of-week profile used for the profile features.</summary>
    public HistoricalAverageForecaster Profile { get; }

    /// <summary>10th–90th percentile intervals of the forecasts, fit on the validation window; null if not fit.</summary>
    public ResidualIntervals? Intervals { get; }

    /// <summary>The same model with intervals (same version: the trees do not change).</summary>
    public GradientBoostedForecaster WithIntervals(ResidualIntervals intervals) => new(Version, _horizons, Profile, intervals);

    /// <summary>The ensemble for a horizon index.</summary>
    public FlatTreeEnsemble Ensemble(int horizon) => _horizons[horizon];

    /// <summary>Needs half a window of real speeds; fewer make the lag features mostly imputed.</summary>
    public bool CanForecast(in ForecastInput input) => input.ValidSteps >= ForecastHorizons.WindowSteps / 2;

    /// <inheritdoc />
    public SpeedForecast Forecast(in ForecastInput input)
    {
        Span<float> x = stackalloc float[TreeFeatures.Count];
        TreeFeatures.Fill(input, Profile, x);
        var last = x[TreeFeatures.LastSpeedIndex];
        return new SpeedForecast(
            Math.Max(0, last + _horizons[0].Evaluate(x)),
            Math.Max(0, last + _horizons[1].Evaluate(x)),
            Math.Max(0, last + _horizons[2].Evaluate(x)),
            Name,
            Version);
    }

    /// <summary>Writes the model (profile and the three ensembles).</summary>
    public void Save(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Format);
        writer.Write(Version);
        Profile.Save(writer);
        foreach (var e in _horizons)
        {
            e.Save(writer);
        }

        writer.Write(Intervals is not null);
        Intervals?.Save(writer);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static GradientBoostedForecaster Load(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var format = reader.ReadInt32();
        if (format is not (1 or Format))
        {
            throw new InvalidDataException("Unknown lgbm format.");
        }

        var version = reader.ReadString();
        var profile = HistoricalAverageForecaster.Load(reader);
        var horizons = new FlatTreeEnsemble[ForecastHorizons.Count];
        for (var h = 0; h < horizons.Length; h++)
        {
            horizons[h] = FlatTreeEnsemble.Load(reader);
        }

        var intervals = format >= 2 && reader.ReadBoolean() ? ResidualIntervals.Load(reader) : null;
        return new GradientBoostedForecaster(version, horizons, profile, intervals);
    }
}
