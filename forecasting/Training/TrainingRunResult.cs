namespace TrafficOrleans.Forecasting.Training;

/// <summary>Outcome of <see cref="TrainingRunner.RunAsync"/>.</summary>
/// <param name="RunId">Id of the run (its artefact sub-directory and the registry's <c>training_run</c>).</param>
/// <param name="Report">Scores, candidate and promotion decision.</param>
/// <param name="MetricsPath">Path of the run's <c>model_metrics.json</c>.</param>
/// <param name="PreviousChampion">Champion version before the run, if any.</param>
/// <param name="Promoted">Whether the candidate became champion.</param>
/// <param name="Outcome">One line for logs and the admin API.</param>
public sealed record TrainingRunResult(
    string RunId,
    TrainingReport Report,
    string MetricsPath,
    string? PreviousChampion,
    bool Promoted,
    string Outcome);
