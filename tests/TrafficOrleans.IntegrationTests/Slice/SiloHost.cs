using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TrafficOrleans.IntegrationTests.Infrastructure;

namespace TrafficOrleans.IntegrationTests.Slice;

/// <summary>
/// The real silo host (Program: Orleans + API in one process) on the run's PostgreSQL and Redis, with
/// its own service id and free silo/gateway ports so several can start one after another in a test;
/// <paramref name="settings"/> override the test defaults.
/// </summary>
public sealed class SiloHost(ServersFixture database, string serviceId, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in database.Settings(serviceId)) builder.UseSetting(key, value);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        builder.UseSetting("Orleans:SiloPort", TestServers.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", TestServers.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
