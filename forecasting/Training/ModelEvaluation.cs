using TrafficOrleans.Forecasting.Evaluation;

namespace TrafficOrleans.Forecasting.Training;

/// <summary>Scores of one model on the validation and test windows.</summary>
/// <param name="Model">Model family.</param>
/// <param name="Version">Model version.</param>
/// <param name="Validation">Metrics per horizon on the validation window.</param>
/// <param name="Test">Metrics per horizon on the test window.</param>
/// <param name="Quality">Validation MAE and mean speed, for confidence.</param>
/// <param name="TrainingSeconds">Wall time to train.</param>
public sealed record ModelEvaluation(
    string Model,
    string Version,
    IReadOnlyList<HorizonMetrics> Validation,
    IReadOnlyList<HorizonMetrics> Test,
    ModelQuality Quality,
    double TrainingSeconds)
{
    /// <summary>Mean validation MAE over horizons (the candidate criterion).</summary>
    public double MeanValidationMae => Validation.Average(m => m.Mae);

    /// <summary>Mean test MAE over horizons.</summary>
    public double MeanTestMae => Test.Average(m => m.Mae);
}
