using TrafficOrleans.Forecasting.Evaluation;
using TrafficOrleans.Forecasting.Models;
using TrafficOrleans.Forecasting.Training;

namespace TrafficOrleans.Forecasting.Serving;

/// <summary>
/// Builds the serving <see cref="ForecasterChain"/>: the champion, then the historical-average profile and
/// persistence of the same training run (with their own validation quality, for honest confidence).
/// </summary>
public static class ChampionChainLoader
{
    /// <summary>
    /// The chain before any model is trained: persistence (last value), then free-flow. Confidence is 0 because
    /// no validation error is known yet.
    /// </summary>
    public static ForecasterChain ColdStart() => new([(new PersistenceForecaster(), ModelQuality.Unknown)]);

    /// <summary>Loads the chain from artefact files; the fallbacks are optional.</summary>
    public static ForecasterChain Load(string championPath, string? profilePath, string? persistencePath)
    {
        var champion = ModelArtifactStore.Load(championPath);
        var models = new List<(ISpeedForecaster, ModelQuality)> { (champion.Forecaster, champion.Manifest.Quality) };
        if (champion.Forecaster is not HistoricalAverageForecaster && profilePath is not null)
        {
            var profile = ModelArtifactStore.Load(profilePath);
            models.Add((profile.Forecaster, profile.Manifest.Quality));
        }

        if (champion.Forecaster is not PersistenceForecaster)
        {
            var persistence = persistencePath is null ? null : ModelArtifactStore.Load(persistencePath);
            models.Add(persistence is null
                ? (new PersistenceForecaster(), ModelQuality.Unknown)
                : (persistence.Forecaster, persistence.Manifest.Quality));
        }

        return new ForecasterChain(models);
    }
}
