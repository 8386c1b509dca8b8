namespace TrafficOrleans.Forecasting.Evaluation;

/// <summary>Test-window scores of one model in a <see cref="RealDataEvaluation"/>.</summary>
/// <param name="Model">Model family.</param>
/// <param name="AtHorizon">Metrics at the horizon step (10/20/30 min).</param>
/// <param name="AllSteps">Metrics pooled over every 5-minute step up to the horizon (T-GCN/DCRNN protocol).</param>
/// <param name="RmseRatio">RMSE at the horizon step ÷ persistence's, per horizon.</param>
/// <param name="MaeRatio">MAE at the horizon step ÷ persistence's, per horizon.</param>
/// <param name="TrainingSeconds">Wall time to train.</param>
/// <param name="Coverage">Share of actuals inside the 10th–90th percentile interval per horizon; null without intervals.</param>
/// <param name="IntervalWidth">Mean interval width per horizon; null without intervals.</param>
public sealed record RealDataModelResult(
    string Model,
    IReadOnlyList<HorizonMetrics> AtHorizon,
    IReadOnlyList<HorizonMetrics> AllSteps,
    IReadOnlyList<double> RmseRatio,
    IReadOnlyList<double> MaeRatio,
    double TrainingSeconds,
    IReadOnlyList<double>? Coverage = null,
    IReadOnlyList<double>? IntervalWidth = null)
{
    /// <summary>True when RMSE and MAE are below persistence's at every horizon.</summary>
    public bool BeatsPersistence => RmseRatio.All(r => r < 1) && MaeRatio.All(r => r < 1);
}
