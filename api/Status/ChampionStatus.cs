namespace TrafficOrleans.Api.Status;

/// <summary>The champion of the model registry.</summary>
/// <param name="Version">Model version, as in <c>predictions.model_version</c>.</param>
/// <param name="ModelType">Model family.</param>
/// <param name="TrainedAt">When it was trained.</param>
/// <param name="PromotedAt">When it became champion.</param>
/// <param name="DataFrom">First instant of its training data.</param>
/// <param name="DataTo">Last instant of its data.</param>
/// <param name="Metrics">Its scores per horizon.</param>
public sealed record ChampionStatus(
    string Version, string ModelType, DateTimeOffset TrainedAt, DateTimeOffset? PromotedAt, DateTimeOffset DataFrom, DateTimeOffset DataTo, ChampionMetrics Metrics);
