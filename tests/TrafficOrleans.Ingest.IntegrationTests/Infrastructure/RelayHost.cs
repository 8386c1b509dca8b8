using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using TrafficOrleans.Ingest.Hosting;

namespace TrafficOrleans.Ingest.IntegrationTests.Infrastructure;

/// <summary>
/// A host composed like the silo's ingestion side (<c>AddTrafficIngestion</c>: outbox relay and its PostgreSQL
/// listener, no scheduler) on the test's database and broker, with its own connection pool.
/// </summary>
public static class RelayHost
{
    /// <summary>Starts the host; <paramref name="settings"/> override the defaults (e.g. <c>Outbox:IdleDelay</c>).</summary>
    public static async Task<IHost> StartAsync(string postgres, string bootstrapServers, IDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = postgres,
            ["Kafka:BootstrapServers"] = bootstrapServers,
            ["Ingest:Enabled"] = "false",
            ["Kafka:Producer:DeliveryTimeout"] = "00:00:10",
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddTrafficIngestion();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
