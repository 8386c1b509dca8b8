using TrafficOrleans.Kafka.Topics;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Microsoft.Extensions.DependencyInjection;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.Silo.Routing;
using TrafficOrleans.IntegrationTests.Infrastructure;
using TrafficOrleans.Storage.Redis;
using TrafficOrleans.KafkaBroker;
using TrafficOrleans.Roads;
using TrafficOrleans.Routing.Routes;
using Xunit.Abstractions;

namespace TrafficOrleans.Routing.IntegrationTests;

/// <summary>
/// The whole live path: a prediction produced to <c>traffic-predictions</c> by a plain Kafka producer reaches the
/// route-graph consumer, the routing grain, the silo's replica and <c>POST /route/recommend</c>.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class KafkaRouteUpdateTests(ServersFixture database, ITestOutputHelper output)
{
    // The routing grain's key and the Redis snapshot key both come from Routing:City (default here).
    private static readonly string City = new RoutingOptions().City;

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Slower_predictions_on_kafka_change_the_recommended_route()
    {
        await using var broker = new KafkaBroker.KafkaBroker(new KafkaBrokerOptions { Port = 0, InitialRebalanceDelay = TimeSpan.Zero });
        await broker.StartAsync();
        await CreateTopicsAsync(broker.BootstrapServers);
        // Start from free flow, not from a weights snapshot an earlier test left in Redis.
        await database.RedisConnection.GetDatabase(RoutingHost.RedisDatabase).KeyDeleteAsync(RedisKeys.GraphCurrent(City));
        await using var host = new RoutingHost(database, $"route-kafka-{Guid.NewGuid():N}"[..22], broker.BootstrapServers);
        using var http = host.CreateClient();
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = broker.BootstrapServers, Acks = Acks.All }).Build();
        var replica = host.Services.GetRequiredService<RoutingSnapshotReplica>();
        var graph = replica.Current.Graph;

        // Warm-up: once one prediction has come through, the consumer has joined its group.
        var before = replica.Current.Version;
        await producer.ProduceAsync("traffic-predictions", Prediction(graph.RoadIdOf(0), graph.RoadAt(0).FreeFlowSpeedKmh));
        await Eventually.WaitForAsync(() => Task.FromResult(replica.Current.Version), v => v != before, Deadline, "the consumer to apply the warm-up prediction");

        var initial = await RouteRequests.RecommendOkAsync(http, RoutingHost.SouthWest, RoutingHost.NorthEast);
        var initialGeometry = RouteRequests.Geometry(initial.GetProperty("recommended_route"));
        var best = new RoutePlanner().Recommend(replica.Current, new GeoPoint(RoutingHost.SouthWest.Lat, RoutingHost.SouthWest.Lng), new GeoPoint(RoutingHost.NorthEast.Lat, RoutingHost.NorthEast.Lng), TimeSpan.Zero).Recommended!;
        var jammed = best.Edges.Select(e => graph.RoadOf(e).RoadId).Distinct().ToList();

        await producer.ProduceAsync("traffic-predictions", new Message<string, string> { Key = "garbage", Value = """{"road_id": 5""" });
        var clock = Stopwatch.StartNew();
        foreach (var roadId in jammed) producer.Produce("traffic-predictions", Prediction(roadId, 3));
        producer.Flush(TimeSpan.FromSeconds(10));

        JsonElement changed;
        while (true)
        {
            changed = await RouteRequests.RecommendOkAsync(http, RoutingHost.SouthWest, RoutingHost.NorthEast);
            if (RouteRequests.Geometry(changed.GetProperty("recommended_route")) != initialGeometry) break;
            Assert.True(clock.Elapsed < Deadline, $"The recommended route did not change within {Deadline.TotalSeconds:0}s.");
            await Task.Delay(20);
        }

        output.WriteLine($"Prediction produced → recommended route changed: {clock.Elapsed.TotalMilliseconds:0} ms ({jammed.Count} predictions; batch window and replica poll from the silo configuration).");
        var newVersion = changed.GetProperty("graph_version").GetString();
        Assert.NotEqual(initial.GetProperty("graph_version").GetString(), newVersion);
        var newEta = changed.GetProperty("recommended_route").GetProperty("eta_minutes").GetDouble();
        Assert.True(newEta < best.EtaMinutes * 10, $"the new route ({newEta:0.0} min) avoids the 3 km/h roads");

        var update = await FirstAsync(broker.BootstrapServers, "route-updates", m => JsonDocument.Parse(m.Message.Value).RootElement.GetProperty("graph_version").GetString() == newVersion);
        Assert.Equal("hanoi", update.Message.Key);
        using (var json = JsonDocument.Parse(update.Message.Value))
        {
            Assert.Equal("predictions_applied", json.RootElement.GetProperty("update_type").GetString());
            Assert.True(json.RootElement.GetProperty("roads_updated").GetInt32() >= 1);
            Assert.True(json.RootElement.TryGetProperty("event_id", out _));
            Assert.True(json.RootElement.TryGetProperty("timestamp", out _));
        }

        // The notification consumer of this silo dead-letters the same value (through its outbox): wait for routing's own.
        var dead = await FirstAsync(broker.BootstrapServers, KafkaTopicsOptions.DefaultDeadLetters, m => m.Message.Key == "garbage" && Header(m, "dlq-consumer-group") == "route-graph-group");
        Assert.Equal("malformed-json", Header(dead, "dlq-category"));
        Assert.Equal("traffic-predictions", Header(dead, "dlq-source-topic"));
        Assert.False(string.IsNullOrEmpty(Header(dead, "dlq-reason")));
    }

    private static Message<string, string> Prediction(string roadId, double speed) => new()
    {
        Key = roadId,
        Value = JsonSerializer.Serialize(new RoadPrediction(Guid.NewGuid(), DateTimeOffset.UtcNow, roadId, speed, speed, speed, speed, 0.9, "test"), TrafficJson.Options),
    };

    private static string? Header(ConsumeResult<string, string> result, string name) =>
        result.Message.Headers.TryGetLastBytes(name, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;

    private static async Task CreateTopicsAsync(string bootstrap)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build();
        await admin.CreateTopicsAsync(
        [
            new TopicSpecification { Name = "traffic-predictions", NumPartitions = 2, ReplicationFactor = 1 },
            new TopicSpecification { Name = "route-updates", NumPartitions = 1, ReplicationFactor = 1 },
            new TopicSpecification { Name = KafkaTopicsOptions.DefaultDeadLetters, NumPartitions = 1, ReplicationFactor = 1 },
        ]);
    }

    private static async Task<ConsumeResult<string, string>> FirstAsync(string bootstrap, string topic, Func<ConsumeResult<string, string>, bool> match)
    {
        using var consumer = new ConsumerBuilder<string, string>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = $"test-{Guid.NewGuid():N}",
            AutoOffsetReset = AutoOffsetReset.Earliest,
            EnableAutoCommit = false,
        }).Build();
        consumer.Subscribe(topic);
        var deadline = DateTime.UtcNow + Deadline;
        try
        {
            while (DateTime.UtcNow < deadline)
            {
                var result = await Task.Run(() => consumer.Consume(TimeSpan.FromMilliseconds(500)));
                if (result is not null && !result.IsPartitionEOF && match(result)) return result;
            }
        }
        finally
        {
            consumer.Close();
        }

        throw new TimeoutException($"No matching message on {topic} within {Deadline.TotalSeconds:0}s.");
    }
}
