using Npgsql;
using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.IntegrationTests.Infrastructure;
using TrafficOrleans.Forecasting.Registry;
using TrafficOrleans.IntegrationTests.Infrastructure;

namespace TrafficOrleans.Forecasting.IntegrationTests;

/// <summary>Champion switching guards of <see cref="ModelRegistry"/> and the <c>model_registry</c> table.</summary>
public sealed class RegistryConstraintTests(ServersFixture database) : IClassFixture<ServersFixture>
{
    private static readonly TrafficDataset Data = TrafficDataset.FromReadings(TrafficHistory.Generate());

    [Fact]
    public async Task Promotion_is_refused_when_the_champion_changed_since_the_comparison()
    {
        var registry = new ModelRegistry(database.DataSource);
        var run = await FastTraining.Runner(registry, FastTraining.TempDirectory(), TrafficHistory.Start.AddDays(20)).RunAsync(Data, FastTraining.Fast(treeIterations: 5));
        var champion = (await registry.GetChampionAsync())!.Version;
        var other = run.Report.Models.First(m => m.Version != champion).Version;

        Assert.False(await registry.PromoteAsync(other, expectedChampion: "lgbm-that-was-never-champion", DateTimeOffset.UtcNow));
        Assert.Equal(champion, (await registry.GetChampionAsync())!.Version);

        Assert.True(await registry.PromoteAsync(other, expectedChampion: champion, DateTimeOffset.UtcNow));
        Assert.Equal(other, (await registry.GetChampionAsync())!.Version);
        Assert.Equal(1, await ChampionCountAsync());
    }

    [Fact]
    public async Task The_table_itself_refuses_a_second_champion()
    {
        var registry = new ModelRegistry(database.DataSource);
        await FastTraining.Runner(registry, FastTraining.TempDirectory(), TrafficHistory.Start.AddDays(30)).RunAsync(Data, FastTraining.Fast(treeIterations: 5));

        var ex = await Assert.ThrowsAsync<PostgresException>(() => database.ScalarAsync<int>(
            "UPDATE model_registry SET is_champion = true WHERE version = (SELECT version FROM model_registry WHERE NOT is_champion LIMIT 1)"));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, ex.SqlState);
    }

    private async Task<long> ChampionCountAsync() =>
        await database.ScalarAsync<long>("SELECT count(*) FROM model_registry WHERE is_champion");
}
