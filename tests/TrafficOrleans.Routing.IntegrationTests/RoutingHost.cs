using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using TrafficOrleans.IntegrationTests.Infrastructure;

namespace TrafficOrleans.Routing.IntegrationTests;

/// <summary>
/// The real silo host (Program) on the run's PostgreSQL, on a Redis database of its own (the routing keys are
/// machine-wide names), a small synthetic city as the map, and the given Kafka broker.
/// </summary>
public sealed class RoutingHost(ServersFixture database, string serviceId, string? kafkaBootstrap = null, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    /// <summary>Redis database the routing tests use, away from other tests' keys.</summary>
    public const int RedisDatabase = 11;

    /// <summary>Origin near the south-west corner of the default 9×9 synthetic city.</summary>
    public static readonly (double Lat, double Lng) SouthWest = (21.0285 - 0.0162, 105.8542 - 0.0173);

    /// <summary>Destination near the north-east corner.</summary>
    public static readonly (double Lat, double Lng) NorthEast = (21.0285 + 0.0162, 105.8542 + 0.0173);

    /// <summary>
    /// Settings of a host whose map comes from configuration: an explicit synthetic source shaped by the simulator's
    /// city options (the default 9×9 city), plus <paramref name="extra"/>.
    /// </summary>
    public static Dictionary<string, string?> SyntheticCity(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Routing:MapSource"] = "synthetic",
            ["Ingest:Simulator:City:GridSize"] = "9",
            ["Ingest:Simulator:City:BlockMeters"] = "600",
        };
        foreach (var (key, value) in extra) settings[key] = value;
        return settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in database.Settings(serviceId)) builder.UseSetting(key, value);
        builder.UseSetting("ConnectionStrings:Redis", $"{ServersFixture.Redis},defaultDatabase={RedisDatabase}");
        builder.UseSetting("Orleans:SiloPort", TestServers.FreePort().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:GatewayPort", TestServers.FreePort().ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Ingest:Simulator:RoadNetworkPath", "");
        builder.UseSetting("Routing:ConsumerEnabled", kafkaBootstrap is null ? "false" : "true");
        builder.UseSetting("Routing:ReplicaPollInterval", "00:00:00.100");
        if (kafkaBootstrap is not null) builder.UseSetting("Kafka:BootstrapServers", kafkaBootstrap);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
    }
}
