using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.IntegrationTests.Infrastructure;
using TrafficOrleans.Forecasting.Registry;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.IntegrationTests.Infrastructure;

namespace TrafficOrleans.Forecasting.IntegrationTests;

/// <summary>
/// A candidate that does not beat "last value" at every horizon is recorded but never promoted, even with no champion:
/// on a random walk the last value is the best forecast there is, so no trained model can earn the promotion.
/// </summary>
public sealed class PersistenceGuardTests(ServersFixture database) : IClassFixture<ServersFixture>
{
    [Fact]
    public async Task Candidate_no_better_than_persistence_is_recorded_but_not_promoted()
    {
        var data = TrafficDataset.FromReadings(RandomWalks(roads: 6, days: 4, seed: 11));
        var registry = new ModelRegistry(database.DataSource);

        var result = await FastTraining.Runner(registry, FastTraining.TempDirectory(), TrafficHistory.Start.AddDays(10)).RunAsync(data, FastTraining.Fast());

        Assert.False(result.Promoted, result.Outcome);
        Assert.False(result.Report.Decision.Promote);
        Assert.Contains("does not beat persistence", result.Report.Decision.Reason, StringComparison.Ordinal);
        Assert.Null(await registry.GetChampionAsync());
        var run = await registry.GetRunAsync(result.RunId);
        Assert.Equal(result.Report.Models.Select(m => m.Version).Order(), run.Select(e => e.Version).Order());
        Assert.All(run, e => Assert.False(e.IsChampion));
        Assert.Equal(3, Assert.Single(run, e => e.Version == result.Report.Candidate.Version).Test.Count);

        // The registry records each model's test error ÷ persistence's per horizon: the refusal can be read from it.
        var trees = Assert.Single(run, e => e.ModelType == "lgbm");
        Assert.Equal([10, 20, 30], trees.RatioToPersistence.Select(r => r.HorizonMinutes));
        Assert.Contains(trees.RatioToPersistence, r => r.Mae >= 1);
        Assert.All(Assert.Single(run, e => e.ModelType == "persistence").RatioToPersistence, r => Assert.Equal(1, r.Mae, 9));
    }

    /// <summary>Speeds that move by independent steps: nothing but the newest value says anything about the next.</summary>
    private static List<TrafficReading> RandomWalks(int roads, int days, int seed)
    {
        var random = new Random(seed);
        var readings = new List<TrafficReading>();
        for (var r = 0; r < roads; r++)
        {
            var id = $"walk-{r}";
            var speed = 60.0;
            for (var t = 0; t < days * 24 * 12; t++)
            {
                speed = Math.Clamp(speed + (random.NextDouble() - 0.5), 1, 120);
                var time = TrafficHistory.Start + (t * ForecastHorizons.Step);
                readings.Add(new TrafficReading(Guid.CreateVersion7(time), time, id, id, speed, 80, 0, CongestionLevel.Free, speed / 80, false));
            }
        }

        return readings;
    }
}
