using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using TrafficOrleans.GrainInterfaces.Grains;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.Silo.Routing;
using TrafficOrleans.IntegrationTests.Infrastructure;
using TrafficOrleans.Routing.Weights;
using TrafficOrleans.Storage.Redis;

namespace TrafficOrleans.Routing.IntegrationTests;

/// <summary>The weights survive a silo restart through Redis <c>graph:hanoi:current</c>; a foreign snapshot is refused.</summary>
[Collection(ServersCollection.Name)]
public sealed class SnapshotPersistenceTests(ServersFixture database)
{
    // The routing grain's key and the Redis snapshot key both come from Routing:City (default here).
    private static readonly string City = new RoutingOptions().City;

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private IDatabase Redis => database.RedisConnection.GetDatabase(RoutingHost.RedisDatabase);

    [Fact]
    public async Task Applied_weights_are_saved_to_redis_and_restored_after_restart()
    {
        await Redis.KeyDeleteAsync(RedisKeys.GraphCurrent(City));
        var serviceId = $"route-restart-{Guid.NewGuid():N}"[..24];
        string roadId;
        RoutingBatchApplied applied;
        await using (var host = new RoutingHost(database, serviceId))
        {
            var graph = host.Services.GetRequiredService<RoutingNetwork>().Graph;
            roadId = graph.RoadIdOf(7);
            var grain = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IRoutingGrain>(City);
            applied = await grain.ApplyPredictionsAsync([new RoadPrediction(Guid.NewGuid(), DateTimeOffset.UtcNow, roadId, 11, 12, 13, 14, 0.8, "test")]);
            Assert.Equal(1, applied.RoadsUpdated);

            var saved = (byte[]?)await Redis.StringGetAsync(RedisKeys.GraphCurrent(City));
            Assert.NotNull(saved);
            var snapshot = WeightsSnapshotSerializer.Deserialize(saved, host.Services.GetRequiredService<RoutingNetwork>());
            Assert.Equal(applied.GraphVersion, snapshot.Version);
            Assert.Equal(new HorizonValues(11, 12, 13, 14), snapshot.SpeedsOf(roadId));
        }

        await using var restarted = new RoutingHost(database, serviceId);
        var replica = restarted.Services.GetRequiredService<RoutingSnapshotReplica>();

        var restored = await Eventually.WaitForAsync(() => Task.FromResult(replica.Current), s => s.Version == applied.GraphVersion, Deadline, "the restarted silo to serve the saved version");
        Assert.Equal(new HorizonValues(11, 12, 13, 14), restored.SpeedsOf(roadId));
    }

    [Fact]
    public async Task Snapshot_of_another_map_is_ignored_and_weights_start_at_free_flow()
    {
        // A HERE-sized snapshot from some other graph: the fingerprint does not match the synthetic city.
        var foreign = new byte[26 + (16 * 772)];
        "TOWS"u8.CopyTo(foreign);
        foreign[4] = 1;
        foreign[6] = 0x5A;
        await Redis.StringSetAsync(RedisKeys.GraphCurrent(City), foreign);

        await using var host = new RoutingHost(database, $"route-foreign-{Guid.NewGuid():N}"[..24]);
        var grain = host.Services.GetRequiredService<IGrainFactory>().GetGrain<IRoutingGrain>(City);
        var payload = await grain.GetSnapshotIfChangedAsync(null);

        Assert.NotNull(payload);
        var network = host.Services.GetRequiredService<RoutingNetwork>();
        var snapshot = WeightsSnapshotSerializer.Deserialize(payload.Bytes, network);
        var road = network.Graph.RoadAt(3);
        Assert.Equal(road.FreeFlowSpeedKmh, snapshot.SpeedsOf(road.RoadId)!.Value.Now);
        Assert.True(GraphVersion.Parse(snapshot.Version) > DateTimeOffset.UtcNow.AddMinutes(-5));
    }
}
