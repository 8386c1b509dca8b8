using System.Globalization;
using System.Text;
using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.Models;
using TrafficOrleans.Forecasting.Training;

namespace TrafficOrleans.Forecasting.Evaluation;

/// <summary>
/// Real data as the yardstick: fits every model on a chronological split (train / validation / test, as
/// <see cref="TrainingPipeline"/>) and scores them on the test window against persistence. Missing speeds (NaN, e.g.
/// loop-detector zeros with <c>ZeroSpeedIsMissing</c>) are never targets and are carried forward in inputs.
/// Nothing is written or promoted.
/// </summary>
public static class RealDataEvaluation
{
    /// <summary>Fits and scores; the result lists persistence first.</summary>
    public static IReadOnlyList<RealDataModelResult> Run(TrafficDataset dataset, TrainingOptions options, IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        var split = DatasetSplit.Create(dataset, options.TrainFraction, options.ValidationFraction);
        var (train, validation, test) = split.Windows(dataset);

        var models = TrainingPipeline.Fit(dataset, split, train, validation, options, options.Clock.GetUtcNow(), progress);
        var scored = new List<(ISpeedForecaster Model, double Seconds, HorizonMetrics[] At, HorizonMetrics[] All, (double[] Coverage, double[] Width)? Intervals)>();
        for (var i = 0; i < models.Count; i++)
        {
            var (model, seconds) = models[i];
            progress?.Report(new TrainingProgress(82 + (18.0 * i / models.Count), $"evaluate {model.Name}"));
            var (at, _) = Evaluator.Evaluate(model, dataset, test, options.MaxEvaluationSamples);
            (double[], double[])? intervals = model is GradientBoostedForecaster { Intervals: { } iv } trees
                ? IntervalCoverage.Evaluate(trees, iv, dataset, test, options.MaxEvaluationSamples)
                : null;
            scored.Add((model, seconds, at, StepwiseEvaluator.Evaluate(model, dataset, test, options.MaxEvaluationSamples), intervals));
        }

        progress?.Report(new TrainingProgress(100, "done"));
        var baseline = scored.Single(s => s.Model is PersistenceForecaster).At;
        return
        [
            .. scored.OrderBy(s => s.Model is PersistenceForecaster ? 0 : 1).Select(s => new RealDataModelResult(
                s.Model.Name,
                s.At,
                s.All,
                [.. s.At.Select((m, h) => m.Rmse / baseline[h].Rmse)],
                [.. s.At.Select((m, h) => m.Mae / baseline[h].Mae)],
                s.Seconds,
                s.Intervals?.Coverage,
                s.Intervals?.Width)),
        ];
    }

    /// <summary>A Markdown table: per model and horizon, the metrics at the step, ratios to persistence, all-steps RMSE/MAE.</summary>
    public static string ToTable(IReadOnlyList<RealDataModelResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine("| model | horizon | RMSE | MAE | MAPE % | R² | RMSE ÷ persistence | MAE ÷ persistence | all-steps RMSE | all-steps MAE | 10–90 % coverage | mean width | train s |");
        sb.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in results)
        {
            for (var h = 0; h < r.AtHorizon.Count; h++)
            {
                var m = r.AtHorizon[h];
                var a = r.AllSteps[h];
                sb.AppendLine(c, $"| {r.Model} | {m.HorizonMinutes} min | {m.Rmse:F3} | {m.Mae:F3} | {m.Mape:F2} | {m.R2:F3} | {r.RmseRatio[h]:F3} | {r.MaeRatio[h]:F3} | {a.Rmse:F3} | {a.Mae:F3} | {Cell(r.Coverage, h, 100, "F1")} | {Cell(r.IntervalWidth, h, 1, "F2")} | {r.TrainingSeconds:F1} |");
            }
        }

        return sb.ToString();
    }

    private static string Cell(IReadOnlyList<double>? values, int h, double scale, string format) =>
        values is null ? "—" : (values[h] * scale).ToString(format, CultureInfo.InvariantCulture);
}
