using System.Globalization;
using Microsoft.AspNetCore.Hosting;

namespace TrafficOrleans.IntegrationTests.Infrastructure;

/// <summary>
/// Settings of a real silo host (Program on Kestrel) for tests that feed it themselves: the run's servers, its own
/// Redis database and Orleans ports, the 9×9 synthetic city (600 m blocks) as its map, and no route-graph consumer,
/// notification rules or rate limiting.
/// </summary>
public static class SyntheticCityHost
{
    public static void Configure(IWebHostBuilder builder, ServersFixture servers, string serviceId, int redisDatabase)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(servers);
        foreach (var (key, value) in servers.Settings(serviceId)) builder.UseSetting(key, value);
        builder.UseSetting("ConnectionStrings:Redis", $"{ServersFixture.Redis},defaultDatabase={redisDatabase.ToString(CultureInfo.InvariantCulture)}");
        builder.UseSetting("Orleans:SiloPort", TestServers.FreePort().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", TestServers.FreePort().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Ingest:Simulator:RoadNetworkPath", "");
        builder.UseSetting("Routing:MapSource", "synthetic");
        builder.UseSetting("Ingest:Simulator:City:GridSize", "9");
        builder.UseSetting("Ingest:Simulator:City:BlockMeters", "600");
        // Routes are computed on fixed weights, so answers do not move while a test compares them.
        builder.UseSetting("Routing:ConsumerEnabled", "false");
        builder.UseSetting("Notifications:Enabled", "false");
        builder.UseSetting("RateLimiting:Enabled", "false");
    }
}
