using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;
using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.Models;

namespace TrafficOrleans.Forecasting.Training;

/// <summary>Trains the three LightGBM horizon models and flattens them into a <see cref="GradientBoostedForecaster"/>.</summary>
public static class GradientBoostedTrainer
{
    private static readonly string[] LabelColumns = ["Label10", "Label20", "Label30"];

    /// <summary>Trains on the given samples (each must have all three targets).</summary>
    public static GradientBoostedForecaster Train(
        TrafficDataset dataset,
        IReadOnlyList<Sample> samples,
        HistoricalAverageForecaster profile,
        GradientBoostedOptions options,
        string version,
        Action<double>? progress = null,
        IReadOnlyList<Sample>? validation = null,
        OutOfFoldProfiles? trainingProfiles = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(options);
        // Training rows take their profile features from profiles that left their own day out (when given); validation
        // rows lie after the profile's span, so the served profile is already out of sample for them.
        var rows = BuildRows(dataset, samples, trainingProfiles is null ? _ => profile : trainingProfiles.For, options.MaxRows);
        var ml = new MLContext(options.Seed);
        var data = ml.Data.LoadFromEnumerable(rows);

        // Early stopping watches a sample of the validation window (earlier than the test window, so the test
        // scores stay untouched): boosting stops once more trees no longer help instead of always running to the cap.
        var stopOn = validation is { Count: > 0 } && options.EarlyStoppingRounds > 0
            ? ml.Data.LoadFromEnumerable(BuildRows(dataset, validation, _ => profile, Math.Max(1, options.MaxRows / 5)))
            : null;
        var ensembles = new FlatTreeEnsemble[ForecastHorizons.Count];
        for (var h = 0; h < ForecastHorizons.Count; h++)
        {
            var trainer = ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
            {
                LabelColumnName = LabelColumns[h],
                FeatureColumnName = nameof(TreeRow.Features),
                NumberOfIterations = options.Iterations,
                LearningRate = options.LearningRate,
                NumberOfLeaves = options.Leaves,
                MinimumExampleCountPerLeaf = options.MinRowsPerLeaf,
                Seed = options.Seed,
                Silent = true,
                Verbose = false,
                EarlyStoppingRound = stopOn is null ? 0 : options.EarlyStoppingRounds,
                EvaluationMetric = LightGbmRegressionTrainer.Options.EvaluateMetricType.MeanAbsoluteError,
            });
            var model = (stopOn is null ? trainer.Fit(data) : trainer.Fit(data, stopOn)).Model;
            ensembles[h] = Flatten(model.TrainedTreeEnsemble);
            progress?.Invoke((h + 1) / (double)ForecastHorizons.Count);
        }

        return new GradientBoostedForecaster(version, ensembles, profile);
    }

    private static List<TreeRow> BuildRows(TrafficDataset dataset, IReadOnlyList<Sample> samples, Func<int, HistoricalAverageForecaster> profileAt, int maxRows)
    {
        var stride = Math.Max(1.0, samples.Count / (double)maxRows);
        var rows = new List<TreeRow>((int)(samples.Count / stride) + 1);
        Span<float> speeds = stackalloc float[ForecastHorizons.WindowSteps];
        Span<float> nbr = stackalloc float[ForecastHorizons.WindowSteps];
        Span<float> targets = stackalloc float[ForecastHorizons.Count];
        for (var k = 0.0; k < samples.Count; k += stride)
        {
            var s = samples[(int)k];
            var road = dataset.Roads[s.Road];
            var input = WindowBuilder.Create(dataset, road, s.Step, speeds, nbr);
            var x = new float[TreeFeatures.Count];
            TreeFeatures.Fill(input, profileAt(s.Step), x);
            WindowBuilder.Targets(road, s.Step, targets);
            var last = x[TreeFeatures.LastSpeedIndex];
            rows.Add(new TreeRow
            {
                Features = x,
                Label10 = targets[0] - last,
                Label20 = targets[1] - last,
                Label30 = targets[2] - last,
            });
        }

        return rows;
    }

    private static FlatTreeEnsemble Flatten(Microsoft.ML.Trainers.FastTree.RegressionTreeEnsemble ensemble)
    {
        var trees = new List<TreeArrays>(ensemble.Trees.Count);
        for (var i = 0; i < ensemble.Trees.Count; i++)
        {
            var t = ensemble.Trees[i];
            if (t.CategoricalSplitFlags.Any(c => c))
            {
                throw new NotSupportedException("Categorical splits are not used by the forecasting features.");
            }

            trees.Add(new TreeArrays(
                ensemble.TreeWeights[i],
                [.. t.NumericalSplitFeatureIndexes],
                [.. t.NumericalSplitThresholds],
                [.. t.LeftChild],
                [.. t.RightChild],
                [.. t.LeafValues.Select(v => (float)v)]));
        }

        return new FlatTreeEnsemble(trees, ensemble.Bias);
    }
}
