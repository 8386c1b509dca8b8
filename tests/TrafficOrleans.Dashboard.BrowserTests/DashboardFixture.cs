using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using TrafficOrleans.IntegrationTests.Infrastructure;
using TrafficOrleans.Silo.Routing;
using TrafficOrleans.Storage.Redis;

namespace TrafficOrleans.Dashboard.BrowserTests;

/// <summary>
/// The run's servers, one silo serving the dashboard, the pipeline's input topics, and Debian's Chromium driven by
/// Playwright (never a downloaded browser: <c>playwright install</c> cannot reach its servers here).
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ServersFixture Servers { get; } = new();

    public DashboardHost Host { get; private set; } = null!;

    public LivePipeline Pipeline { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The roads of <c>GET /roads</c>, in its order.</summary>
    public IReadOnlyList<MapRoad> Roads { get; private set; } = [];

    /// <summary>Where screenshots go: a folder of the test output, kept as the run's artefacts.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath)) throw new InvalidOperationException($"{ChromiumPath} is missing: apt-get install chromium (./scripts/test.sh does).");
        await Servers.InitializeAsync();
        // Start from free flow: weights a re-route test left in Redis (a run stopped mid-test) would be restored.
        await Servers.RedisConnection.GetDatabase(DashboardHost.RedisDatabase).KeyDeleteAsync(RedisKeys.GraphCurrent(new RoutingOptions().City));
        Host = new DashboardHost(Servers, $"dash-{Guid.NewGuid():N}"[..20]);
        Host.StartServer();
        Http = new HttpClient { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var roads = await Http.GetFromJsonAsync<JsonElement>("roads");
        Roads = roads.EnumerateArray().Select(MapRoad.From).ToList();
        Pipeline = new LivePipeline(Servers.Broker.BootstrapServers);
        await Pipeline.WarmUpAsync(Host.BaseAddress, Roads[^1]);

        Directory.CreateDirectory(ScreenshotDirectory);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        Http?.Dispose();
        Pipeline?.Dispose();
        if (Host is not null) await Host.DisposeAsync();
        await Servers.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>
{
    public const string Name = "dashboard";
}
