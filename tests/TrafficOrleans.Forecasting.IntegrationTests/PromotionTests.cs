using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.IntegrationTests.Infrastructure;
using TrafficOrleans.Forecasting.Registry;
using TrafficOrleans.IntegrationTests.Infrastructure;

namespace TrafficOrleans.Forecasting.IntegrationTests;

/// <summary>The promotion rule end to end in PostgreSQL: only a better candidate becomes champion; one champion at most.</summary>
public sealed class PromotionTests(ServersFixture database) : IClassFixture<ServersFixture>
{
    private static readonly TrafficDataset Data = TrafficDataset.FromReadings(TrafficHistory.Generate());

    [Fact]
    public async Task Only_a_better_candidate_becomes_champion_and_there_is_exactly_one()
    {
        var registry = new ModelRegistry(database.DataSource);
        var dir = FastTraining.TempDirectory();

        // Run 1: one boosting round, so the candidate is weak; with no champion it is promoted anyway.
        var first = await FastTraining.Runner(registry, dir, TrafficHistory.Start.AddDays(10)).RunAsync(Data, FastTraining.Fast(treeIterations: 1));
        Assert.True(first.Promoted);
        Assert.Equal(first.Report.Candidate.Version, (await registry.GetChampionAsync())!.Version);
        Assert.Equal(1, await ChampionCountAsync());

        // Run 2: real trees beat it on the same test window.
        var second = await FastTraining.Runner(registry, dir, TrafficHistory.Start.AddDays(11)).RunAsync(Data, FastTraining.Fast());
        Assert.True(second.Report.Candidate.MeanTestMae < first.Report.Candidate.MeanTestMae);
        Assert.True(second.Promoted, second.Outcome);
        Assert.Equal(first.Report.Candidate.Version, second.PreviousChampion);
        Assert.Equal(second.Report.Candidate.Version, (await registry.GetChampionAsync())!.Version);
        Assert.Equal(1, await ChampionCountAsync());

        // Run 3: the same training again only ties the champion, which is not enough.
        var third = await FastTraining.Runner(registry, dir, TrafficHistory.Start.AddDays(12)).RunAsync(Data, FastTraining.Fast());
        Assert.False(third.Promoted, third.Outcome);
        Assert.Equal(second.Report.Candidate.Version, (await registry.GetChampionAsync())!.Version);
        Assert.Equal(1, await ChampionCountAsync());

        // Every model of every run is recorded, with its metrics and window.
        var all = await registry.ListAsync();
        Assert.Equal(3 * 3, all.Count);
        var recorded = all.Single(e => e.Version == third.Report.Candidate.Version);
        Assert.Equal(3, recorded.Test.Count);
        Assert.Equal(third.Report.Candidate.Test[2].Mae, recorded.Test[2].Mae, 9);
        Assert.Equal(third.RunId, recorded.TrainingRun);
        Assert.True(File.Exists(third.MetricsPath));
    }

    private async Task<long> ChampionCountAsync() =>
        await database.ScalarAsync<long>("SELECT count(*) FROM model_registry WHERE is_champion");
}
