namespace TrafficOrleans.GrainInterfaces.Grains;

/// <summary>The model the silos serve, with the fallbacks trained in the same run.</summary>
/// <param name="Version">Champion version, e.g. <c>lgbm-20261124T053000Z</c>.</param>
/// <param name="ModelType">Model family.</param>
/// <param name="ArtifactPath">Champion artefact.</param>
/// <param name="ProfileArtifactPath">Historical-average artefact of the same run (cold-start fallback), if any.</param>
/// <param name="PersistenceArtifactPath">Persistence artefact of the same run (its validation error feeds confidence), if any.</param>
/// <param name="PromotedAt">When it became champion.</param>
[GenerateSerializer, Immutable]
public sealed record ChampionModel(
    [property: Id(0)] string Version,
    [property: Id(1)] string ModelType,
    [property: Id(2)] string ArtifactPath,
    [property: Id(3)] string? ProfileArtifactPath,
    [property: Id(4)] string? PersistenceArtifactPath,
    [property: Id(5)] DateTimeOffset? PromotedAt);
