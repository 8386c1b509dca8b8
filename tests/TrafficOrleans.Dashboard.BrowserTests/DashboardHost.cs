using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TrafficOrleans.IntegrationTests.Infrastructure;

namespace TrafficOrleans.Dashboard.BrowserTests;

/// <summary>
/// The real silo host (Program) on Kestrel, on the run's PostgreSQL, Redis and broker, with the 9×9 synthetic city as
/// its map and the dashboard built into <c>silo/wwwroot</c>. Ingestion and the notification rules are off: the tests
/// produce readings and alerts to the topics themselves; road grains, push and routing run as in production.
/// </summary>
public sealed class DashboardHost : WebApplicationFactory<Program>
{
    private readonly ServersFixture _servers;
    private readonly string _serviceId;

    public DashboardHost(ServersFixture servers, string serviceId)
    {
        _servers = servers;
        _serviceId = serviceId;
        UseKestrel(Port);
    }

    /// <summary>The host's Redis database (hot keys, the routing graph's snapshot).</summary>
    public const int RedisDatabase = 13;

    public int Port { get; } = TestServers.FreePort();

    public Uri BaseAddress => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    /// <summary>The silo project folder: content root, with the dashboard under wwwroot.</summary>
    public static string SiloDirectory
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "TrafficOrleans.sln"))) return Path.Combine(dir.FullName, "silo");
            }

            throw new InvalidOperationException("TrafficOrleans.sln not found above the test binaries.");
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var webRoot = Path.Combine(SiloDirectory, "wwwroot");
        if (!File.Exists(Path.Combine(webRoot, "index.html")))
        {
            throw new InvalidOperationException($"The dashboard is not built ({webRoot}/index.html missing): run `npm ci && npm run build` in web/.");
        }

        builder.UseContentRoot(SiloDirectory);
        builder.UseWebRoot(webRoot);
        SyntheticCityHost.Configure(builder, _servers, _serviceId, redisDatabase: RedisDatabase);
        builder.UseSetting("Warmup:Enabled", "false");
    }
}
