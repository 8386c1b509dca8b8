using TrafficOrleans.Tests.Shared;
using Microsoft.Extensions.Options;
using TrafficOrleans.Forecasting.Evaluation;
using TrafficOrleans.Forecasting.Training;
using TrafficOrleans.Ingest;
using TrafficOrleans.Ingest.Preprocessing;
using TrafficOrleans.Ingest.Replay;
using Xunit.Abstractions;

namespace TrafficOrleans.Forecasting.Tests;

/// <summary>The real-data yardstick on the Los-loop training part (skipped, with the reason, where ../shared is absent).</summary>
public sealed class LosLoopEvaluationTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Tree_model_meets_the_issue_16_margins_over_persistence_and_its_intervals_cover_80_percent_on_Los_loop()
    {
        var speeds = SharedData.Find(SharedData.LosLoopSpeedsRelative);
        var adjacency = SharedData.Find(SharedData.LosLoopAdjacencyRelative);
        Skip.If(speeds is null || adjacency is null, $"Los-loop data not found: expected ../shared/{SharedData.LosLoopSpeedsRelative} and los_adj.csv beside the folder holding TrafficOrleans.sln.");

        using var meters = new TestMeterFactory();
        var preprocessor = new ReadingPreprocessor(Options.Create(new IngestOptions()), new IngestMetrics(meters));
        var dataset = await ReplayDatasets.LoadAsync(LosLoop.Options(speeds!, adjacency!), preprocessor);
        output.WriteLine($"roads with neighbour data: {dataset.Roads.Count(r => r.NeighbourRatio.Any(x => !float.IsNaN(x)))} of {dataset.Roads.Count}");
        var results = RealDataEvaluation.Run(dataset, new TrainingOptions { TrainLstm = false });
        output.WriteLine(RealDataEvaluation.ToTable(results));

        var persistence = results[0];
        Assert.Equal("persistence", persistence.Model);
        Assert.All(persistence.AllSteps.Zip(persistence.AtHorizon), p => Assert.True(p.First.Rmse <= p.Second.Rmse, "pooling earlier steps cannot make persistence worse"));
        var trees = results.Single(r => r.Model == "lgbm");
        // Issue 16's targets on this chronological split: RMSE ≤ 0.92 / 0.90 / 0.90 and MAE ≤ 0.95 of persistence
        // (measured 0.872 / 0.851 / 0.832 and 0.883 / 0.888 / 0.890; training is seeded, so the figures repeat).
        var ratios = $"lgbm RMSE ratios {string.Join(", ", trees.RmseRatio)}, MAE ratios {string.Join(", ", trees.MaeRatio)}";
        Assert.True(trees.RmseRatio[0] <= 0.92 && trees.RmseRatio[1] <= 0.90 && trees.RmseRatio[2] <= 0.90, ratios);
        Assert.True(trees.MaeRatio.All(r => r <= 0.95), ratios);

        // The 10–90 % intervals, fit on the validation window, hold 80 % ± 5 of the test speeds (measured 80.6 / 79.3 / 78.5).
        var coverage = Assert.IsAssignableFrom<IReadOnlyList<double>>(trees.Coverage);
        Assert.All(coverage, c => Assert.InRange(c, 0.75, 0.85));
    }
}
