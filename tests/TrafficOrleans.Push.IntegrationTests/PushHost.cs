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

    /// <summary>The host's <c>Push:AlertsSinceLimit</c>.</summary>
    public const int AlertsSinceLimit = 3;

    public int Port { get; } = TestServers.FreePort();

    public Uri BaseAddress => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        SyntheticCityHost.Configure(builder, _servers, _serviceId, redisDatabase: 12);
        // Pages of 3 alerts, so that catch-up tests cross page boundaries with a handful of rows.
        builder.UseSetting("Push:AlertsSinceLimit", AlertsSinceLimit.ToString(CultureInfo.InvariantCulture));
    }
}
