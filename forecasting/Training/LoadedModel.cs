namespace TrafficOrleans.Forecasting.Training;

/// <summary>A model read back from an artefact file, with its manifest.</summary>
/// <param name="Forecaster">The model.</param>
/// <param name="Manifest">Its manifest.</param>
public sealed record LoadedModel(ISpeedForecaster Forecaster, ModelManifest Manifest);
