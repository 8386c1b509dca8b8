using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.GrainInterfaces.Routes;
using TrafficOrleans.Ingest.IntegrationTests.Infrastructure;
using TrafficOrleans.Kafka.Producing;
using TrafficOrleans.Storage.Redis;

namespace TrafficOrleans.Notifications.IntegrationTests;

[Collection(IngestCollection.Name)]
public sealed class AffectedRoutesTests(ServersFixture database) : IAsyncLifetime
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private ConnectionMultiplexer _redis = null!;

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        await database.CountAsync("TRUNCATE notifications RESTART IDENTITY");
        _redis = await ConnectionMultiplexer.ConnectAsync(Environment.GetEnvironmentVariable("ConnectionStrings__Redis") ?? "localhost:56379");
        await _redis.GetDatabase().KeyDeleteAsync("routes:recent");
    }

    public async Task DisposeAsync()
    {
        await _redis.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task An_alert_lists_the_recent_routes_that_cross_its_road_and_only_those()
    {
        var routes = RecentRoutes();
        await routes.RecordAsync(new RecommendedRoute("route-across", new Coordinates(21.02, 105.84), new Coordinates(21.03, 105.85), ["hanoi_rd_1", "hanoi_rd_123"]));
        await routes.RecordAsync(new RecommendedRoute("route-elsewhere", new Coordinates(21.05, 105.80), new Coordinates(21.06, 105.81), ["hanoi_rd_2"]));
        await using var broker = await EmbeddedBroker.StartAsync();
        var harness = new NotificationHarness(database.DataSource, broker.BootstrapServers);
        await harness.ProduceAsync(NotificationHarness.Json(NotificationHarness.Congesting("hanoi_rd_123")), NotificationHarness.Json(NotificationHarness.Congesting("hanoi_rd_9")));
        using var consumer = harness.Consumer(recentRoutes: routes);

        await consumer.StartAsync(CancellationToken.None);
        await harness.WaitForCommitAsync(2);
        await consumer.StopAsync(CancellationToken.None);
        using var relayProducer = Pipeline.Producer(broker.BootstrapServers);
        var relay = Pipeline.Relay(database.DataSource, broker.BootstrapServers, relayProducer);
        await relay.DrainAsync(CancellationToken.None);

        var messages = TopicReader.Read(broker.BootstrapServers, harness.Topics.Notifications, 3, TimeSpan.FromSeconds(3))
            .ToDictionary(m => m.Message.Key ?? "", m => JsonDocument.Parse(m.Message.Value));
        var affected = Assert.Single(messages["hanoi_rd_123"].RootElement.GetProperty("affected_routes").EnumerateArray());
        Assert.Equal("route-across", affected.GetProperty("route_id").GetString());
        Assert.Equal(21.02, affected.GetProperty("origin").GetProperty("lat").GetDouble());
        Assert.Equal(105.85, affected.GetProperty("destination").GetProperty("lng").GetDouble());
        Assert.Equal(0, messages["hanoi_rd_9"].RootElement.GetProperty("affected_routes").GetArrayLength());
    }

    private RedisRecentRoutes RecentRoutes() => new(
        new ResilientRedis(_redis, new RedisCircuitBreaker(
            Options.Create(new RedisCacheOptions()), TimeProvider.System, _services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), NullLogger<RedisCircuitBreaker>.Instance)),
        TimeProvider.System);
}
