using Orleans.TestingHost;
using TrafficOrleans.GrainInterfaces.Grains;
using TrafficOrleans.IntegrationTests.Infrastructure;
using TrafficOrleans.IntegrationTests.Orleans;

namespace TrafficOrleans.IntegrationTests.Streams;

/// <summary>
/// Readings produced to <c>traffic-raw</c> by a plain Kafka client reach their RoadGrains through the
/// project's Orleans stream provider on a 2-silo cluster, in order, exactly once after dedupe — also when
/// a silo dies mid-stream or the cluster restarts.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class KafkaStreamDeliveryTests(ServersFixture servers)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Ten_thousand_readings_for_500_roads_reach_every_grain_in_order()
    {
        await using var broker = await ServersFixture.StartPrivateBrokerAsync();
        await using var cluster = await TestClusters.StartAsync(servers, silos: 2, broker: broker);
        var roads = Readings.RoadIds("bulk", 500);

        await KafkaTestClient.ProduceReadingsAsync(broker.BootstrapServers, Readings.Interleaved(roads, 0, 20));

        var activities = await WaitForAllAsync(cluster, roads, applied: 20);
        // Exactly its 20 readings, never one out of order; redeliveries while queues settle on the two silos are
        // possible (at-least-once) and are recognised by event id.
        Assert.All(activities, a => Assert.Equal(20, a.AppliedReadings));
        Assert.All(activities, a => Assert.Equal(0, a.OutOfOrderReadings));
        Assert.All(activities, a => Assert.Equal(Readings.Start.AddMinutes(5 * 19), a.LatestTimestamp));
    }

    [Fact]
    public async Task A_killed_silo_hands_its_partitions_to_the_survivor_and_no_reading_is_missing()
    {
        await using var broker = await ServersFixture.StartPrivateBrokerAsync();
        await using var cluster = await TestClusters.StartAsync(servers, silos: 2, broker: broker);
        var roads = Readings.RoadIds("failover", 100);

        await KafkaTestClient.ProduceReadingsAsync(broker.BootstrapServers, Readings.Interleaved(roads, 0, 10));
        await WaitForAllAsync(cluster, roads, applied: 5);
        await cluster.KillSiloAsync(cluster.SecondarySilos[0]);
        await KafkaTestClient.ProduceReadingsAsync(broker.BootstrapServers, Readings.Interleaved(roads, 10, 20));

        // Readings the dead silo had taken but not committed are redelivered; grains drop the duplicates.
        var activities = await WaitForAllAsync(cluster, roads, applied: 20);
        Assert.All(activities, a => Assert.Equal(20, a.AppliedReadings));
        Assert.All(activities, a => Assert.Equal(0, a.OutOfOrderReadings));
        Assert.All(activities, a => Assert.Equal(Readings.Start.AddMinutes(5 * 19), a.LatestTimestamp));
    }

    [Fact]
    public async Task A_restarted_cluster_resumes_from_the_committed_offsets()
    {
        await using var broker = await ServersFixture.StartPrivateBrokerAsync();
        var serviceId = $"resume-{Guid.NewGuid():N}"[..16];
        var roads = Readings.RoadIds("resume", 50);

        await using (var first = await TestClusters.StartAsync(servers, silos: 1, broker: broker, serviceId: serviceId))
        {
            await KafkaTestClient.ProduceReadingsAsync(broker.BootstrapServers, Readings.Interleaved(roads, 0, 6));
            await WaitForAllAsync(first, roads, applied: 6);
            await Eventually.WaitForAsync(
                () => Task.FromResult(KafkaTestClient.CommittedOffsets(broker.BootstrapServers, "ml-prediction-group", "traffic-raw", ServersFixture.KafkaPartitions)),
                committed => committed.SequenceEqual(KafkaTestClient.EndOffsets(broker.BootstrapServers, "traffic-raw", ServersFixture.KafkaPartitions)),
                Deadline, "offsets committed up to the end of every partition");
            await first.StopAllSilosAsync();
        }

        await KafkaTestClient.ProduceReadingsAsync(broker.BootstrapServers, Readings.Interleaved(roads, 6, 10));
        await using var second = await TestClusters.StartAsync(servers, silos: 1, broker: broker, serviceId: serviceId);

        // Grain state survived in PostgreSQL: 6 + 4 applied, and nothing from before the commit came back.
        var activities = await WaitForAllAsync(second, roads, applied: 10);
        Assert.All(activities, a => Assert.Equal(10, a.AppliedReadings));
        Assert.All(activities, a => Assert.Equal(0, a.DuplicateReadings + a.OutOfOrderReadings));
    }

    private static async Task<IReadOnlyList<RoadActivity>> WaitForAllAsync(TestCluster cluster, List<string> roads, int applied) =>
        await Eventually.WaitForAsync(
            () => Task.WhenAll(roads.Select(road => cluster.GrainFactory.GetGrain<IRoadGrain>(road).GetActivityAsync())),
            activities => activities.All(a => a.AppliedReadings >= applied),
            Deadline,
            $"{roads.Count} roads to apply {applied} readings each");
}
