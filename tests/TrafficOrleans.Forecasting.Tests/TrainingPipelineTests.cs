using TrafficOrleans.Forecasting.Models;
using TrafficOrleans.Forecasting.Training;

namespace TrafficOrleans.Forecasting.Tests;

public sealed class TrainingPipelineTests(TrainedModelsFixture fx) : IClassFixture<TrainedModelsFixture>
{
    private ModelEvaluation Model(string name) => fx.Report.Models.Single(m => m.Model == name);

    [Fact]
    public void Chosen_model_beats_historical_average_by_15_percent_at_every_horizon()
    {
        var ha = Model(HistoricalAverageForecaster.ModelName);
        for (var h = 0; h < ForecastHorizons.Count; h++)
        {
            Assert.True(fx.Report.Candidate.Test[h].Mae <= 0.85 * ha.Test[h].Mae, $"horizon {h}: {fx.Report.Candidate.Test[h].Mae} vs {ha.Test[h].Mae}");
        }
    }

    [Fact]
    public void Candidate_is_the_lowest_validation_mae()
    {
        Assert.Equal(fx.Report.Models.Min(m => m.MeanValidationMae), fx.Report.Candidate.MeanValidationMae);
        Assert.True(fx.Report.Decision.Promote);
    }

    [Fact]
    public void Learned_models_beat_the_naive_baselines_on_the_synthetic_signal()
    {
        var persistence = Model(PersistenceForecaster.ModelName);
        foreach (var name in new[] { GradientBoostedForecaster.ModelName, LstmForecaster.ModelName, TgcnForecaster.ModelName })
        {
            var m = Model(name);
            Assert.True(m.Test.Average(x => x.Mae) < persistence.Test.Average(x => x.Mae), name);
            Assert.True(m.Test[2].Mae < 0.97 * persistence.Test[2].Mae, $"{name} 30 min");
            Assert.True(m.Test.All(x => x.R2 > 0.7), name);
        }
    }

    [Fact]
    public void Historical_average_learns_the_daily_profile()
    {
        // Noise, incidents and disturbances on this data amount to roughly 4–5 km/h of MAE around the profile.
        var ha = Model(HistoricalAverageForecaster.ModelName);
        Assert.All(ha.Test, m => Assert.InRange(m.Mae, 0.5, 6));
        Assert.All(ha.Test, m => Assert.True(m.R2 > 0.3));
    }

    [Fact]
    public void Errors_grow_with_the_horizon_for_persistence()
    {
        var p = Model(PersistenceForecaster.ModelName).Test;
        Assert.True(p[0].Mae < p[1].Mae && p[1].Mae < p[2].Mae);
    }

    [Fact]
    public void Progress_runs_from_0_to_100_without_going_back()
    {
        Assert.Equal(100, fx.Progress[^1].Percent);
        for (var i = 1; i < fx.Progress.Count; i++)
        {
            Assert.True(fx.Progress[i].Percent >= fx.Progress[i - 1].Percent);
        }
    }

    [Fact]
    public void Artefacts_reload_and_score_exactly_as_trained()
    {
        var split = DatasetSplit.Create(fx.Dataset, fx.Options.TrainFraction, fx.Options.ValidationFraction);
        var test = split.Test(fx.Dataset);
        foreach (var (version, path) in fx.Report.ArtifactPaths)
        {
            Assert.Equal(version + ".zip", Path.GetFileName(path));
            var loaded = ModelArtifactStore.Load(path);
            Assert.Equal(version, loaded.Manifest.Version);
            Assert.Equal(version, loaded.Forecaster.Version);
            var trained = fx.Report.Models.Single(m => m.Version == version);
            var (metrics, _) = Evaluation.Evaluator.Evaluate(loaded.Forecaster, fx.Dataset, test, fx.Options.MaxEvaluationSamples);
            for (var h = 0; h < ForecastHorizons.Count; h++)
            {
                Assert.Equal(trained.Test[h].Mae, metrics[h].Mae, 6);
            }
        }
    }

    [Fact]
    public void Tree_artefact_keeps_its_intervals_and_its_ratio_to_persistence()
    {
        var trees = fx.Report.Models.Single(m => m.Model == GradientBoostedForecaster.ModelName);
        var persistence = fx.Report.Models.Single(m => m.Model == PersistenceForecaster.ModelName);
        var loaded = ModelArtifactStore.Load(fx.Report.ArtifactPaths[trees.Version]);

        Assert.NotNull(Assert.IsType<GradientBoostedForecaster>(loaded.Forecaster).Intervals);
        var ratios = Assert.IsAssignableFrom<IReadOnlyList<Evaluation.PersistenceRatio>>(loaded.Manifest.RatioToPersistence);
        Assert.Equal([10, 20, 30], ratios.Select(r => r.HorizonMinutes));
        for (var h = 0; h < ForecastHorizons.Count; h++)
        {
            Assert.Equal(trees.Test[h].Mae / persistence.Test[h].Mae, ratios[h].Mae, 9);
            Assert.Equal(trees.Test[h].Rmse / persistence.Test[h].Rmse, ratios[h].Rmse, 9);
        }
    }

    [Fact]
    public void Metrics_json_is_written()
    {
        var path = Path.Combine(fx.ArtifactDirectory, "model_metrics.json");
        fx.Report.WriteJson(path);
        var text = File.ReadAllText(path);
        Assert.Contains("\"mae\"", text);
        Assert.Contains(fx.Report.Candidate.Version, text);
    }
}
