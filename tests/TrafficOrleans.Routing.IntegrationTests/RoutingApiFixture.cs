using TrafficOrleans.IntegrationTests.Infrastructure;
using TrafficOrleans.Silo.Routing;
using TrafficOrleans.Storage.Redis;

namespace TrafficOrleans.Routing.IntegrationTests;

/// <summary>One silo host (synthetic city, no Kafka consumer) shared by the endpoint tests; starting a silo is the slow part.</summary>
public sealed class RoutingApiFixture : IAsyncLifetime
{
    // The routing grain's key and the Redis snapshot key both come from Routing:City (default here).
    private static readonly string City = new RoutingOptions().City;

    public ServersFixture Database { get; } = new();

    public RoutingHost Host { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>GETs <paramref name="url"/>, asserts 200 and parses the body.</summary>
    public async Task<System.Text.Json.JsonDocument> GetJsonAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        // Start from free flow: a weights snapshot left in Redis by an earlier run would be loaded as warm state.
        await Database.RedisConnection.GetDatabase(RoutingHost.RedisDatabase).KeyDeleteAsync(RedisKeys.GraphCurrent(City));
        Host = new RoutingHost(Database, $"route-api-{Guid.NewGuid():N}"[..20], settings: RoutingHost.SyntheticCity());
        Http = Host.CreateClient();
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        await Database.DisposeAsync();
    }
}
