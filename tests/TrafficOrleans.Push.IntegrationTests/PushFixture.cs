using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Microsoft.Extensions.DependencyInjection;
using TrafficOrleans.IntegrationTests.Infrastructure;
using TrafficOrleans.Push.Delivery;
using TrafficOrleans.Push.Subscriptions;
using TrafficOrleans.Roads;
using TrafficOrleans.Routing;

namespace TrafficOrleans.Push.IntegrationTests;

/// <summary>The run's servers, one push host (silo A), a producer onto the topics, and the map's road positions.</summary>
public sealed class PushFixture : IAsyncLifetime
{
    public ServersFixture Servers { get; } = new();

    public PushHost Host { get; private set; } = null!;

    public IProducer<string, string> Producer { get; private set; } = null!;

    public RoadAtlas Roads => Host.Services.GetRequiredService<RoadAtlas>();

    public PushConnections Connections => Host.Services.GetRequiredService<PushConnections>();

    /// <summary>The southernmost and the northernmost road of the map, with their extents: far apart in the 9×9 city.</summary>
    public ((string Id, GeoBox Box) South, (string Id, GeoBox Box) North) TwoDistantRoads()
    {
        var graph = Host.Services.GetRequiredService<RoutingNetwork>().Graph;
        var placed = Enumerable.Range(0, graph.RoadCount)
            .Select(graph.RoadIdOf)
            .Where(id => Roads.Find(id) is not null)
            .Select(id => (Id: id, Box: Roads.Find(id)!.Box))
            .ToList();
        return (placed.MinBy(road => road.Box.North), placed.MaxBy(road => road.Box.South));
    }

    public async Task InitializeAsync()
    {
        await Servers.InitializeAsync();
        using (var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = Servers.Broker.BootstrapServers }).Build())
        {
            await admin.CreateTopicsAsync(
            [
                new TopicSpecification { Name = "traffic-notifications", NumPartitions = 2, ReplicationFactor = 1 },
                new TopicSpecification { Name = "traffic-predictions", NumPartitions = 2, ReplicationFactor = 1 },
                new TopicSpecification { Name = "route-updates", NumPartitions = 1, ReplicationFactor = 1 },
            ]);
        }

        Producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = Servers.Broker.BootstrapServers, Acks = Acks.All, LingerMs = 5 }).Build();
        Host = new PushHost(Servers, $"push-a-{Guid.NewGuid():N}"[..20]);
        Host.StartServer();
        await Alerts.WarmUpAsync(this, Host);
    }

    public async Task DisposeAsync()
    {
        Producer.Dispose();
        await Host.DisposeAsync();
        await Servers.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PushCollection : ICollectionFixture<PushFixture>
{
    public const string Name = "push";
}
