using TrafficOrleans.Forecasting.History;
using TrafficOrleans.Forecasting.IntegrationTests.Infrastructure;
using TrafficOrleans.Forecasting.Registry;
using TrafficOrleans.IntegrationTests.Infrastructure;

namespace TrafficOrleans.Forecasting.IntegrationTests;

/// <summary>Training reads <c>traffic_data</c> rows (written here) and records and promotes its models.</summary>
public sealed class TrainingFromHistoryTests(ServersFixture database) : IClassFixture<ServersFixture>
{
    [Fact]
    public async Task Loader_reads_the_last_weeks_of_traffic_data_onto_the_grid()
    {
        var readings = TrafficHistory.Generate(roads: 5, days: 3);
        await TrafficHistory.WriteAsync(database.DataSource, readings);
        var end = readings.Max(r => r.Timestamp).AddMinutes(5);

        var all = await TrainingDataLoader.LastWeeksFromPostgresAsync(database.DataSource, end);
        var lastDay = await TrainingDataLoader.FromPostgresAsync(database.DataSource, end.AddDays(-1), end);

        Assert.Equal(5, all.Roads.Count);
        Assert.Equal(readings.Min(r => r.Timestamp), all.TimeAt(Array.FindIndex(all.Roads[0].Speed, s => !float.IsNaN(s))));
        var sample = readings[readings.Count / 2];
        var step = (int)((sample.Timestamp - all.Start) / ForecastHorizons.Step);
        Assert.Equal((float)sample.CurrentSpeed, all.Find(sample.RoadId)!.Speed[step]);
        Assert.Equal((float)sample.FreeFlowSpeed, all.Find(sample.RoadId)!.FreeFlow[step]);
        Assert.Equal(24 * 12, lastDay.Length);
        Assert.Equal(readings.Count(r => r.Timestamp >= end.AddDays(-1) && !double.IsNaN(r.CurrentSpeed)),
            lastDay.Roads.Sum(r => r.Speed.Count(s => !float.IsNaN(s))));
    }

    [Fact]
    public async Task Runner_trains_from_traffic_data_records_every_model_and_promotes_the_first_candidate()
    {
        var readings = TrafficHistory.Generate(roads: 6, days: 4);
        await TrafficHistory.WriteAsync(database.DataSource, [.. readings.Select(r => r with { RoadId = "hist-" + r.RoadId })]);
        var end = readings.Max(r => r.Timestamp).AddMinutes(5);
        var dataset = await TrainingDataLoader.FromPostgresAsync(database.DataSource, end.AddDays(-4), end);
        var registry = new ModelRegistry(database.DataSource);
        var reports = new List<double>();

        var result = await FastTraining.Runner(registry, FastTraining.TempDirectory(), end.AddDays(1))
            .RunAsync(dataset, FastTraining.Fast(), new SynchronousProgress(p => reports.Add(p.Percent)));

        Assert.Contains(dataset.Roads, r => r.RoadId.StartsWith("hist-", StringComparison.Ordinal));
        Assert.True(result.Promoted, result.Outcome);
        Assert.Equal(100, reports[^1]);
        Assert.Equal(reports.Order(), reports);
        var run = await registry.GetRunAsync(result.RunId);
        Assert.Equal(result.Report.Models.Select(m => m.Version).Order(), run.Select(e => e.Version).Order());
        Assert.All(run, e => Assert.True(File.Exists(e.ArtifactPath)));
        Assert.Equal(result.Report.Candidate.Version, Assert.Single(run, e => e.IsChampion).Version);
        Assert.Equal(dataset.Start, run[0].DataFrom);
    }

    private sealed class SynchronousProgress(Action<Training.TrainingProgress> report) : IProgress<Training.TrainingProgress>
    {
        public void Report(Training.TrainingProgress value) => report(value);
    }
}
