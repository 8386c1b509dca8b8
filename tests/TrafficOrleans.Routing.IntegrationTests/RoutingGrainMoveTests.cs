using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Orleans.Core.Internal;
using TrafficOrleans.GrainInterfaces.Grains;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.IntegrationTests.Infrastructure;
using TrafficOrleans.Routing.Weights;
using TrafficOrleans.Silo.Routing;
using TrafficOrleans.Storage.Redis;

namespace TrafficOrleans.Routing.IntegrationTests;

/// <summary>
/// The routing grain activates again (its silo died, or it was collected) while Redis cannot answer: it must start
/// from the weights this silo's replica already holds, not from free flow, which would forget every prediction and
/// overwrite the good snapshot at its next save.
/// </summary>
public sealed class RoutingGrainMoveTests : IAsyncLifetime
{
    private static readonly string City = new RoutingOptions().City;

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private ServersFixture Servers { get; } = new();

    private PrivateRedisServer OwnRedis { get; set; } = null!;

    private RoutingHost Host { get; set; } = null!;

    public async Task InitializeAsync()
    {
        await Servers.InitializeAsync();
        OwnRedis = await PrivateRedisServer.StartAsync();
        Host = new RoutingHost(Servers, $"route-move-{Guid.NewGuid():N}"[..20], settings: RoutingHost.SyntheticCity(
            ("ConnectionStrings:Redis", OwnRedis.ConnectionString)));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await OwnRedis.DisposeAsync();
        await Servers.DisposeAsync();
    }

    [Fact]
    public async Task A_reactivated_routing_grain_starts_from_the_replica_while_Redis_is_down()
    {
        var network = Host.Services.GetRequiredService<RoutingNetwork>();
        var roadId = network.Graph.RoadIdOf(7);
        var grain = Host.Services.GetRequiredService<IGrainFactory>().GetGrain<IRoutingGrain>(City);
        var applied = await grain.ApplyPredictionsAsync([new RoadPrediction(Guid.NewGuid(), DateTimeOffset.UtcNow, roadId, 11, 12, 13, 14, 0.8, "test")]);
        var replica = Host.Services.GetRequiredService<RoutingSnapshotReplica>();
        await Eventually.WaitForAsync(() => Task.FromResult(replica.Current), s => s.Version == applied.GraphVersion, Deadline, "the replica to receive the applied weights");

        var meters = Host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var failed = new MetricCollector<long>(meters, RedisCircuitBreaker.MeterName, "traffic.redis.calls.failed");
        using var skipped = new MetricCollector<long>(meters, RedisCircuitBreaker.MeterName, "traffic.redis.calls.skipped");
        OwnRedis.Stop();
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();

        // The next call activates the grain again; Redis cannot answer its load.
        var payload = await Eventually.WaitForAsync(
            () => grain.GetSnapshotIfChangedAsync(null), p => p is not null, Deadline, "the reactivated grain to answer");
        // Proof that a new activation ran and asked Redis, rather than the old one answering from memory.
        Assert.Contains(failed.GetMeasurementSnapshot().Concat(skipped.GetMeasurementSnapshot()), m => (string?)m.Tags["operation"] == "graph-load");
        var restarted = WeightsSnapshotSerializer.Deserialize(payload!.Bytes, network);
        Assert.Equal(applied.GraphVersion, restarted.Version);
        Assert.Equal(new HorizonValues(11, 12, 13, 14), restarted.SpeedsOf(roadId));
    }
}
