using TrafficOrleans.Forecasting.Registry;

namespace TrafficOrleans.Api.Admin;

/// <summary>A registry row as the admin API shows it.</summary>
/// <param name="Version">Model version.</param>
/// <param name="ModelType">Model family.</param>
/// <param name="IsChampion">Whether the silos serve it.</param>
/// <param name="TestMae">Test MAE at 10, 20, 30 minutes (km/h).</param>
/// <param name="ValidationMae">Validation MAE at 10, 20, 30 minutes (km/h).</param>
/// <param name="DataFrom">First instant of the training data.</param>
/// <param name="DataTo">Last instant of the data.</param>
/// <param name="TrainingRun">Run that trained it.</param>
/// <param name="CreatedAt">When it was trained.</param>
/// <param name="PromotedAt">When it became champion, if ever.</param>
/// <param name="ArtifactPath">Artefact file.</param>
/// <param name="TestMaeRatioToPersistence">Test MAE ÷ persistence's at 10, 20, 30 minutes (empty for older rows).</param>
public sealed record ModelResponse(
    string Version,
    string ModelType,
    bool IsChampion,
    IReadOnlyList<double> TestMae,
    IReadOnlyList<double> ValidationMae,
    DateTimeOffset DataFrom,
    DateTimeOffset DataTo,
    string TrainingRun,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PromotedAt,
    string ArtifactPath,
    IReadOnlyList<double> TestMaeRatioToPersistence)
{
    /// <summary>Maps a registry row.</summary>
    public static ModelResponse From(ModelRegistryEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new(e.Version, e.ModelType, e.IsChampion, [.. e.Test.Select(m => m.Mae)], [.. e.Validation.Select(m => m.Mae)],
            e.DataFrom, e.DataTo, e.TrainingRun, e.CreatedAt, e.PromotedAt, e.ArtifactPath,
            [.. e.RatioToPersistence.Select(r => r.Mae)]);
    }
}
