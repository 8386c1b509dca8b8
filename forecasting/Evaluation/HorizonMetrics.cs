namespace TrafficOrleans.Forecasting.Evaluation;

/// <summary>Error of one model at one horizon.</summary>
/// <param name="HorizonMinutes">10, 20 or 30.</param>
/// <param name="Mae">Mean absolute error (km/h).</param>
/// <param name="Rmse">Root mean squared error (km/h).</param>
/// <param name="Mape">Mean absolute percentage error (%), over actuals ≥ 1 km/h only.</param>
/// <param name="R2">Coefficient of determination.</param>
/// <param name="Count">Number of scored forecasts.</param>
public sealed record HorizonMetrics(int HorizonMinutes, double Mae, double Rmse, double Mape, double R2, long Count);
