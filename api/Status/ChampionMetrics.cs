using TrafficOrleans.Forecasting.Evaluation;

namespace TrafficOrleans.Api.Status;

/// <summary>The champion's scores at 10, 20 and 30 minutes, as recorded when it was trained.</summary>
/// <param name="Test">On the held-out test window.</param>
/// <param name="Validation">On the validation window (which picked it).</param>
/// <param name="MeanTestMae">Mean test MAE over the horizons (km/h).</param>
public sealed record ChampionMetrics(IReadOnlyList<HorizonMetrics> Test, IReadOnlyList<HorizonMetrics> Validation, double MeanTestMae);
