namespace TrafficOrleans.Api.Analytics;

/// <summary>Online accuracy of one model version at one horizon over the requested window.</summary>
/// <param name="ModelVersion">Version that made the predictions.</param>
/// <param name="HorizonMinutes">10, 20 or 30.</param>
/// <param name="Mae">Mean absolute error (km/h) against the reading that arrived at timestamp + horizon (± 2.5 min).</param>
/// <param name="Rmse">Root mean squared error (km/h).</param>
/// <param name="Count">Predictions that found a matching reading.</param>
public sealed record ModelAccuracy(string ModelVersion, int HorizonMinutes, double Mae, double Rmse, long Count);
