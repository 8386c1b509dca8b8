using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.IntegrationTests.Infrastructure;
using TrafficOrleans.Forecasting.IntegrationTests.Orleans;
using TrafficOrleans.Forecasting.Models;
using TrafficOrleans.Forecasting.Registry;
using TrafficOrleans.GrainInterfaces.Grains;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.Grains.Forecasting;
using TrafficOrleans.IntegrationTests.Infrastructure;

namespace TrafficOrleans.Forecasting.IntegrationTests;

/// <summary>
/// Promotion reaches running silos without a restart: many concurrent forecasts while the champion changes lose no
/// call, throw nothing, and every forecast requested after each silo reports the new version uses it.
/// </summary>
public sealed class HotSwapTests(ServersFixture database) : IClassFixture<ServersFixture>, IAsyncLifetime
{
    private const int Workers = 16;
    private static readonly List<TrafficReading> History = TrafficHistory.Generate();
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var serviceId = $"hs-{Guid.NewGuid():N}"[..16];
        var builder = new TestClusterBuilder(2);
        builder.Options.ServiceId = serviceId;
        builder.Options.ClusterId = serviceId;
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(database.Settings(serviceId)));
        builder.AddSiloBuilderConfigurator<ForecastingSiloConfigurator>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Champion_swaps_under_load_without_lost_or_failed_forecasts()
    {
        var grains = _cluster.Client;
        var window = LastHourOf(History, "road-0003");

        // Cold start: no champion yet, the chain answers from the last value and says so.
        var cold = await grains.GetGrain<IForecastProbeGrain>("cold").PredictAsync(window);
        Assert.Equal(PersistenceForecaster.DefaultVersion, cold.ModelVersion);
        Assert.Equal(window[^1].CurrentSpeed, cold.PredictedSpeed30Min, 3);

        var registry = new ModelRegistry(database.DataSource);
        var dir = FastTraining.TempDirectory();
        var data = TrafficDataset.FromReadings(History);
        var first = await FastTraining.Runner(registry, dir, TrafficHistory.Start.AddDays(10)).RunAsync(data, FastTraining.Fast(treeIterations: 1));
        await grains.GetGrain<IModelRegistryGrain>(0).NotifyPromotedAsync();
        var versionA = first.Report.Candidate.Version;
        await WaitUntilEverySiloServesAsync(versionA);

        using var stop = new CancellationTokenSource();
        var swapSeen = 0L; // ticks of the moment every silo reported B; 0 until then
        var results = new ConcurrentBag<(long StartedAt, string Version)>();
        var started = 0;
        var load = Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            var probe = grains.GetGrain<IForecastProbeGrain>($"road-{w}");
            while (!stop.IsCancellationRequested)
            {
                Interlocked.Increment(ref started);
                var before = Interlocked.Read(ref swapSeen);
                var prediction = await probe.PredictAsync(window);
                results.Add((before, prediction.ModelVersion));
            }
        })).ToArray();

        var second = await FastTraining.Runner(registry, dir, TrafficHistory.Start.AddDays(11)).RunAsync(data, FastTraining.Fast());
        Assert.True(second.Promoted, second.Outcome);
        var versionB = second.Report.Candidate.Version;
        await grains.GetGrain<IModelRegistryGrain>(0).NotifyPromotedAsync();
        await WaitUntilEverySiloServesAsync(versionB);
        Interlocked.Exchange(ref swapSeen, DateTime.UtcNow.Ticks);
        var afterSwap = results.Count;
        await Eventually.WaitForAsync(() => Task.FromResult(results.Count), n => n > afterSwap + (Workers * 20), TimeSpan.FromSeconds(30), "forecasts after the swap");
        await stop.CancelAsync();
        await Task.WhenAll(load);

        Assert.Equal(started, results.Count);
        Assert.All(results, r => Assert.Contains(r.Version, new[] { versionA, versionB }));
        Assert.Contains(results, r => r.Version == versionA);
        var late = results.Where(r => r.StartedAt != 0).ToList();
        Assert.NotEmpty(late);
        Assert.All(late, r => Assert.Equal(versionB, r.Version));
    }

    private async Task WaitUntilEverySiloServesAsync(string version)
    {
        foreach (var silo in _cluster.Silos)
        {
            // The provider is silo-local: read it from that silo's service container.
            var provider = ((InProcessSiloHandle)silo).SiloHost.Services.GetRequiredService<ForecasterProvider>();
            await Eventually.WaitForAsync(
                () => Task.FromResult(provider.ChampionVersion),
                v => v == version,
                TimeSpan.FromSeconds(30),
                $"silo {silo.SiloAddress} to serve {version}");
        }
    }

    private static List<TrafficReading> LastHourOf(List<TrafficReading> history, string roadId) =>
        [.. history.Where(r => r.RoadId == roadId).OrderBy(r => r.Timestamp).TakeLast(ForecastHorizons.WindowSteps)];
}
