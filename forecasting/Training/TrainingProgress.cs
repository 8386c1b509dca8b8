namespace TrafficOrleans.Forecasting.Training;

/// <summary>Progress of a training run, for a CLI progress bar or "% done" log lines.</summary>
/// <param name="Percent">0–100 over the whole run.</param>
/// <param name="Stage">What is running, e.g. <c>train lgbm</c>.</param>
public readonly record struct TrainingProgress(double Percent, string Stage);
