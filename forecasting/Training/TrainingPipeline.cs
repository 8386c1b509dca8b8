using System.Diagnostics;
using TrafficOrleans.Forecasting.Evaluation;
using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.Models;

namespace TrafficOrleans.Forecasting.Training;

/// <summary>
/// Batch training: chronological split, fit every model on the training window, score all on validation and test,
/// pick the candidate by validation MAE, re-score the champion on the same test window and apply
/// <see cref="PromotionRule"/>. Optionally writes artefacts.
/// </summary>
public static class TrainingPipeline
{
    /// <summary>Runs the pipeline.</summary>
    public static TrainingReport Run(
        TrafficDataset dataset,
        TrainingOptions options,
        LoadedModel? champion = null,
        string? artifactDirectory = null,
        IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(options);
        var now = options.Clock.GetUtcNow();
        var split = DatasetSplit.Create(dataset, options.TrainFraction, options.ValidationFraction);
        var (train, validation, test) = split.Windows(dataset);

        void Report(double pct, string stage) => progress?.Report(new TrainingProgress(Math.Clamp(pct, 0, 100), stage));
        var models = Fit(dataset, split, train, validation, options, now, progress);

        var evaluations = new List<ModelEvaluation>();
        var evalStart = 100 - 18.0;
        for (var i = 0; i < models.Count; i++)
        {
            var (model, seconds) = models[i];
            Report(evalStart + (16.0 * i / models.Count), $"evaluate {model.Name}");
            evaluations.Add(Score(model, dataset, validation, test, options.MaxEvaluationSamples, seconds));
        }

        var candidate = evaluations.MinBy(e => e.MeanValidationMae)!;
        var window = (dataset.TimeAt(split.TestStart), dataset.TimeAt(dataset.Length - 1));
        var persistence = evaluations.Single(e => e.Model == PersistenceForecaster.ModelName).Test;
        ModelEvaluation? championEval = null;
        PromotionDecision decision;
        if (champion is null)
        {
            decision = PromotionRule.Decide(candidate.Test, null, window, null, persistence);
        }
        else
        {
            Report(98, "evaluate champion");
            championEval = Score(champion.Forecaster, dataset, validation, test, options.MaxEvaluationSamples, 0);
            decision = PromotionRule.Decide(candidate.Test, championEval.Test, window, window, persistence);
        }

        var paths = new Dictionary<string, string>();
        if (artifactDirectory is not null)
        {
            foreach (var (model, _) in models)
            {
                var e = evaluations.Single(x => x.Version == model.Version);
                var features = model is GradientBoostedForecaster ? TreeFeatures.Names : model is LstmForecaster l ? l.Layout.Features : model is TgcnForecaster ? ["speed_ratio", "graph_conv_speed_ratio"] : ["speed"];
                var manifest = new ModelManifest(model.Name, model.Version, now, dataset.Start, window.Item2, features, e.Validation, e.Test, e.Quality, PersistenceRatio.Of(e.Test, persistence));
                paths[model.Version] = ModelArtifactStore.Save(artifactDirectory, model, manifest);
            }
        }

        Report(100, "done");
        return new TrainingReport(dataset.Start, dataset.TimeAt(split.ValidationStart), window.Item1, window.Item2, dataset.Roads.Count, evaluations, candidate, championEval, decision, paths);
    }

    /// <summary>
    /// Fits every model family on the training window of <paramref name="split"/> (validation samples drive early
    /// stopping only): persistence, historical average, LightGBM and, if enabled, the LSTM and the T-GCN. Progress covers 0–82 %.
    /// </summary>
    public static List<(ISpeedForecaster Model, double Seconds)> Fit(
        TrafficDataset dataset,
        DatasetSplit split,
        List<Sample> train,
        List<Sample> validation,
        TrainingOptions options,
        DateTimeOffset now,
        IProgress<TrainingProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(split);
        ArgumentNullException.ThrowIfNull(options);
        var lstmShare = options.TrainLstm ? 30.0 : 0.0;
        var tgcnShare = options.TrainTgcn ? 15.0 : 0.0;
        void Report(double pct, string stage) => progress?.Report(new TrainingProgress(Math.Clamp(pct, 0, 100), stage));

        var models = new List<(ISpeedForecaster Model, double Seconds)>();
        Report(0, "fit historical-average");
        var sw = Stopwatch.StartNew();
        var profile = HistoricalAverageForecaster.Fit(dataset, split.ValidationStart, ModelVersion.Create(HistoricalAverageForecaster.ModelName, now), options.ProfileSlotMinutes);
        models.Add((new PersistenceForecaster(ModelVersion.Create(PersistenceForecaster.ModelName, now)), 0));
        models.Add((profile, sw.Elapsed.TotalSeconds));

        var treeShare = 100 - lstmShare - tgcnShare - 20;
        Report(2, "train lgbm");
        sw.Restart();
        var trees = GradientBoostedTrainer.Train(dataset, train, profile, options.Trees, ModelVersion.Create(GradientBoostedForecaster.ModelName, now), f => Report(2 + (f * treeShare), "train lgbm"), validation, new OutOfFoldProfiles(dataset, split.ValidationStart, options.ProfileSlotMinutes));
        trees = trees.WithIntervals(ResidualIntervals.Fit(trees, dataset, validation, options.MaxEvaluationSamples));
        models.Add((trees, sw.Elapsed.TotalSeconds));

        if (options.TrainLstm)
        {
            Report(2 + treeShare, "train lstm");
            sw.Restart();
            var lstm = LstmTrainer.Train(dataset, train, validation, profile, options.Lstm, ModelVersion.Create(LstmForecaster.ModelName, now), f => Report(2 + treeShare + (f * lstmShare), "train lstm"));
            models.Add((lstm, sw.Elapsed.TotalSeconds));
        }

        if (options.TrainTgcn)
        {
            var at = 2 + treeShare + lstmShare;
            Report(at, "train tgcn");
            sw.Restart();
            var tgcn = TgcnTrainer.Train(dataset, train, validation, options.Tgcn, ModelVersion.Create(TgcnForecaster.ModelName, now), f => Report(at + (f * tgcnShare), "train tgcn"));
            models.Add((tgcn, sw.Elapsed.TotalSeconds));
        }

        return models;
    }

    private static ModelEvaluation Score(ISpeedForecaster model, TrafficDataset dataset, List<Sample> validation, List<Sample> test, int max, double seconds)
    {
        var (val, meanSpeed) = Evaluator.Evaluate(model, dataset, validation, max);
        var (tst, _) = Evaluator.Evaluate(model, dataset, test, max);
        var quality = new ModelQuality([.. val.Select(m => m.Mae)], meanSpeed);
        return new ModelEvaluation(model.Name, model.Version, val, tst, quality, seconds);
    }
}
