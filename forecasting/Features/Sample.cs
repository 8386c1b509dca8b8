namespace TrafficOrleans.Forecasting.Features;

/// <summary>A forecast instant of the dataset: road index and grid step t (the window ends at t).</summary>
/// <param name="Road">Index into <see cref="TrafficDataset.Roads"/>.</param>
/// <param name="Step">Grid step of the newest reading.</param>
public readonly record struct Sample(int Road, int Step);
