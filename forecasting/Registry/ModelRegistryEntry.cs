using TrafficOrleans.Forecasting.Evaluation;

namespace TrafficOrleans.Forecasting.Registry;

/// <summary>A row of <c>model_registry</c>: one trained model, its scores and whether it is the champion.</summary>
/// <param name="Version">Primary key, e.g. <c>lgbm-20261124T053000Z</c>.</param>
/// <param name="ModelType">Model family (<c>lgbm</c>, <c>lstm</c>, <c>historical-average</c>, <c>persistence</c>).</param>
/// <param name="ArtifactPath">Artefact file (see <see cref="Training.ModelArtifactStore"/>).</param>
/// <param name="Validation">Validation metrics per horizon.</param>
/// <param name="Test">Test metrics per horizon.</param>
/// <param name="MeanSpeed">Mean actual speed of the validation window (for confidence).</param>
/// <param name="DataFrom">First instant of the training data.</param>
/// <param name="DataTo">Last instant of the data (end of the test window).</param>
/// <param name="Features">Feature names.</param>
/// <param name="TrainingRun">Id of the run that trained it (groups a champion with its fallbacks).</param>
/// <param name="CreatedAt">When it was trained.</param>
/// <param name="PromotedAt">When it last became champion, if ever.</param>
/// <param name="IsChampion">Whether the silos serve it.</param>
/// <param name="RatioToPersistence">Test MAE and RMSE ÷ persistence's per horizon (empty for rows recorded before it).</param>
public sealed record ModelRegistryEntry(
    string Version,
    string ModelType,
    string ArtifactPath,
    IReadOnlyList<HorizonMetrics> Validation,
    IReadOnlyList<HorizonMetrics> Test,
    double MeanSpeed,
    DateTimeOffset DataFrom,
    DateTimeOffset DataTo,
    IReadOnlyList<string> Features,
    string TrainingRun,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PromotedAt,
    bool IsChampion,
    IReadOnlyList<PersistenceRatio> RatioToPersistence)
{
    /// <summary>Mean test MAE over the three horizons.</summary>
    public double MeanTestMae => Test.Count == 0 ? double.NaN : Test.Average(m => m.Mae);
}
