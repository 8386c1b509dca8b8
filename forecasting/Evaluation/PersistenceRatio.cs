namespace TrafficOrleans.Forecasting.Evaluation;

/// <summary>A model's test error at one horizon divided by persistence's ("last value") on the same instants.</summary>
/// <param name="HorizonMinutes">10, 20 or 30.</param>
/// <param name="Mae">MAE ÷ persistence's MAE (below 1 = better than the last value).</param>
/// <param name="Rmse">RMSE ÷ persistence's RMSE.</param>
public sealed record PersistenceRatio(int HorizonMinutes, double Mae, double Rmse)
{
    /// <summary>Ratios per horizon of <paramref name="model"/> to <paramref name="persistence"/>.</summary>
    public static IReadOnlyList<PersistenceRatio> Of(IReadOnlyList<HorizonMetrics> model, IReadOnlyList<HorizonMetrics> persistence)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(persistence);
        return [.. model.Zip(persistence, (m, p) => new PersistenceRatio(m.HorizonMinutes, m.Mae / p.Mae, m.Rmse / p.Rmse))];
    }
}
