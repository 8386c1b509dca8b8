using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TrafficOrleans.IntegrationTests.Infrastructure;

namespace TrafficOrleans.Push.IntegrationTests;

/// <summary>
/// The real silo host (Program) on Kestrel, on the run's PostgreSQL and broker, with the default 9×9 synthetic city as
/// its map. The rules, routing consumer and ingestion are off: the tests produce alerts to the topic themselves.
/// </summary>
public sealed class PushHost : WebApplicationFactory<Program>
{
    private readonly ServersFixture _servers;
    private readonly string _serviceId;

    public PushHost(ServersFixture servers, string serviceId)
    {
        _servers = servers;
        _serviceId = serviceId;
        UseKestrel(Port);
    }

    public int Port { get; } = TestServers.FreePort();

    public Uri BaseAddress => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _servers.Settings(_serviceId)) builder.UseSetting(key, value);
        builder.UseSetting("ConnectionStrings:Redis", $"{ServersFixture.Redis},defaultDatabase=12");
        builder.UseSetting("Orleans:SiloPort", TestServers.FreePort().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", TestServers.FreePort().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Ingest:Simulator:RoadNetworkPath", "");
        builder.UseSetting("Routing:MapSource", "synthetic");
        builder.UseSetting("Ingest:Simulator:City:GridSize", "9");
        builder.UseSetting("Ingest:Simulator:City:BlockMeters", "600");
        builder.UseSetting("Routing:ConsumerEnabled", "false");
        builder.UseSetting("Notifications:Enabled", "false");
        builder.UseSetting("RateLimiting:Enabled", "false");
    }
}
