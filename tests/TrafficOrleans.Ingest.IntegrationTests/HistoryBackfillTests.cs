using System.Globalization;
using TrafficOrleans.Ingest.IntegrationTests.Infrastructure;
using TrafficOrleans.Ingest.Scheduling;
using TrafficOrleans.Storage.Postgres;

namespace TrafficOrleans.Ingest.IntegrationTests;

/// <summary>The first-run back-fill of ./scripts/up.sh: history only (no traffic-raw), resumable, idempotent.</summary>
[Collection(IngestCollection.Name)]
public sealed class HistoryBackfillTests(ServersFixture database) : IAsyncLifetime
{
    private static readonly DateTimeOffset End = new(2025, 10, 16, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task History_only_backfill_stores_readings_without_announcing_them()
    {
        var simulator = Pipeline.Simulator();
        var backfill = new TrafficBackfill(simulator, Pipeline.Writer(database.DataSource));

        var progress = await backfill.RunAsync(End.AddHours(-1), End, Interval, null, CancellationToken.None, publish: false);

        var roads = simulator.Model.Roads.Count;
        Assert.Equal(12 * roads, progress.Inserted);
        Assert.Equal(12 * roads, await database.CountAsync("SELECT count(*) FROM traffic_data"));
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM outbox"));
    }

    [Fact]
    public async Task History_extent_is_the_newest_tick_and_its_road_count()
    {
        var extent = new HistoryExtent(database.DataSource);
        Assert.Null(await extent.LatestAsync());

        var simulator = Pipeline.Simulator();
        await new TrafficBackfill(simulator, Pipeline.Writer(database.DataSource)).RunAsync(End.AddMinutes(-15), End, Interval, null, CancellationToken.None, publish: false);

        var latest = await extent.LatestAsync();
        Assert.Equal(new LatestTick(End - Interval, simulator.Model.Roads.Count), latest);
        Assert.Equal(latest, extent.Latest());
    }

    [Fact]
    public async Task Resumed_backfill_finishes_an_interrupted_day_and_a_second_run_writes_nothing()
    {
        // An interrupted first run: the first half of the day is stored.
        var simulator = Pipeline.Simulator();
        await new TrafficBackfill(simulator, Pipeline.Writer(database.DataSource)).RunAsync(End.AddDays(-1), End.AddHours(-12), Interval, null, CancellationToken.None, publish: false);
        var end = End.ToString("O", CultureInfo.InvariantCulture);

        var resumed = await TrafficCli.RunAsync(database.Postgres, "localhost:1", null, "ingest", "simulate", "--days", "1", "--end", end, "--history-only", "--resume");

        Assert.True(resumed.ExitCode == 0, resumed.Output);
        var day = 288L * simulator.Model.Roads.Count;
        Assert.Equal(day, await database.CountAsync("SELECT count(*) FROM traffic_data"));
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM outbox"));
        Assert.Contains($"simulated 144 ticks", resumed.Output, StringComparison.Ordinal);

        var again = await TrafficCli.RunAsync(database.Postgres, "localhost:1", null, "ingest", "simulate", "--days", "1", "--end", end, "--history-only", "--resume");

        Assert.True(again.ExitCode == 0, again.Output);
        Assert.Contains("nothing to back-fill", again.Output, StringComparison.Ordinal);
        Assert.Equal(day, await database.CountAsync("SELECT count(*) FROM traffic_data"));
    }
}
