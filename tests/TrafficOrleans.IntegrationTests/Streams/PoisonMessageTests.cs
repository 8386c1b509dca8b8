using TrafficOrleans.Kafka.Topics;
using System.Text;
using System.Text.Json;
using TrafficOrleans.GrainInterfaces.Grains;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.IntegrationTests.Infrastructure;
using TrafficOrleans.IntegrationTests.Orleans;

namespace TrafficOrleans.IntegrationTests.Streams;

/// <summary>
/// Bad messages on <c>traffic-raw</c>, on the same road and partition as good ones: each bad one lands in
/// <c>traffic-dlq</c> once with its reason, every good one is predicted exactly once, offsets are committed to the
/// end, and a restart re-reads nothing.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class PoisonMessageTests(ServersFixture servers)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);
    private const string Group = "ml-prediction-group";

    [Fact]
    public async Task Poison_values_interleaved_with_good_readings_cost_no_good_reading_and_a_restart_reads_nothing_again()
    {
        await using var broker = await ServersFixture.StartPrivateBrokerAsync();
        var serviceId = $"poison-{Guid.NewGuid():N}"[..16];
        var road = $"poison_{Guid.NewGuid():N}"[..16];
        var good = Enumerable.Range(0, 6).Select(step => Readings.For(road, step)).ToList();
        var bad = BadValuesFor(road, good[0]);

        var cluster = await TestClusters.StartAsync(servers, silos: 1, broker: broker, serviceId: serviceId);
        try
        {
            for (var i = 0; i < good.Count; i++)
            {
                await ProduceAsync(broker, road, JsonSerializer.SerializeToUtf8Bytes(good[i], TrafficJson.Options));
                foreach (var value in bad.Skip(i * 2).Take(2)) await ProduceAsync(broker, road, value);
            }

            var grain = cluster.GrainFactory.GetGrain<IRoadGrain>(road);
            await Eventually.WaitForAsync(grain.GetActivityAsync, a => a.AppliedReadings == good.Count, Deadline, "every good reading applied");
            await Eventually.WaitForAsync(() => Task.FromResult(DeadLetters(broker)), n => n == bad.Count, Deadline, "every bad message dead-lettered");
            await Eventually.WaitForAsync(() => Task.FromResult(CommittedAndEnd(broker)), p => p.Committed == p.End, Deadline, "the offsets committed to the end of the partition");
        }
        finally
        {
            await cluster.DisposeAsync();
        }

        var dead = KafkaTestClient.ReadUntil(broker.BootstrapServers, KafkaTopicsOptions.DefaultDeadLetters, read => read.Count >= bad.Count, Deadline);
        Assert.All(dead, d =>
        {
            Assert.False(string.IsNullOrEmpty(KafkaTestClient.Header(d, "dlq-category")));
            Assert.False(string.IsNullOrEmpty(KafkaTestClient.Header(d, "dlq-reason")));
        });
        Assert.Equal(bad.Count, dead.Select(d => KafkaTestClient.Header(d, "dlq-source-offset")).Distinct().Count());
        Assert.Contains(dead, d => KafkaTestClient.Header(d, "dlq-category") == "timestamp-out-of-range");
        Assert.Contains(dead, d => KafkaTestClient.Header(d, "dlq-category") == "negative-speed");
        Assert.Contains(dead, d => KafkaTestClient.Header(d, "dlq-category") == "missing-event-id");
        Assert.Contains(dead, d => KafkaTestClient.Header(d, "dlq-category") == "key-mismatch");
        Assert.Equal(good.Count, PredictionMessages(broker));
        Assert.Equal(good.Count, await servers.ScalarAsync<long>("SELECT count(*) FROM predictions WHERE road_id = $1", road));
        Assert.Equal(good.Count, await servers.ScalarAsync<long>("SELECT count(*) FROM traffic_data WHERE road_id = $1", road));

        // A restart resumes after the committed offsets: nothing is dead-lettered or predicted twice.
        await using var restarted = await TestClusters.StartAsync(servers, silos: 1, broker: broker, serviceId: serviceId);
        await ProduceAsync(broker, road, JsonSerializer.SerializeToUtf8Bytes(Readings.For(road, good.Count), TrafficJson.Options));
        var again = restarted.GrainFactory.GetGrain<IRoadGrain>(road);
        await Eventually.WaitForAsync(again.GetActivityAsync, a => a.AppliedReadings == good.Count + 1, Deadline, "the reading after the restart");
        await Eventually.WaitForAsync(() => Task.FromResult(PredictionMessages(broker)), n => n == good.Count + 1, Deadline, "its prediction");
        Assert.Equal(bad.Count, DeadLetters(broker));
        Assert.Equal(good.Count + 1, PredictionMessages(broker));
    }

    [Fact]
    public async Task A_reading_that_fails_in_the_grain_is_retried_alone_then_dead_lettered_while_its_batch_neighbours_are_predicted_once()
    {
        await using var broker = await ServersFixture.StartPrivateBrokerAsync();
        await using var cluster = await TestClusters.StartAsync(servers, silos: 1, broker: broker,
            configure: builder => builder.AddSiloBuilderConfigurator<ExplodingPredictor.Configurator>());
        var road = $"explode_{Guid.NewGuid():N}"[..16];
        var readings = new[]
        {
            Readings.For(road, 0),
            Readings.For(road, 1) with { RoadName = ExplodingPredictor.RoadName },
            Readings.For(road, 2),
            Readings.For(road, 3),
        };
        await KafkaTestClient.ProduceReadingsAsync(broker.BootstrapServers, readings);

        var grain = cluster.GrainFactory.GetGrain<IRoadGrain>(road);
        await Eventually.WaitForAsync(grain.GetActivityAsync, a => a.AppliedReadings == 3, Deadline, "the three good readings");
        await Eventually.WaitForAsync(() => Task.FromResult(CommittedAndEnd(broker)), p => p.Committed == p.End, Deadline, "the offsets committed past the failing reading");

        var dead = Assert.Single(KafkaTestClient.ReadUntil(broker.BootstrapServers, KafkaTopicsOptions.DefaultDeadLetters, read => read.Count >= 1, Deadline));
        Assert.Equal("processing-failed", KafkaTestClient.Header(dead, "dlq-category"));
        Assert.Contains("the model cannot handle this reading", KafkaTestClient.Header(dead, "dlq-reason"), StringComparison.Ordinal);
        Assert.Equal("1", KafkaTestClient.Header(dead, "dlq-source-offset"));
        Assert.Equal(readings[1].EventId, JsonSerializer.Deserialize<TrafficReading>(dead.Message.Value!, TrafficJson.Options)!.EventId);
        Assert.Equal(3, PredictionMessages(broker));
        Assert.Equal(3, await servers.ScalarAsync<long>("SELECT count(*) FROM predictions WHERE road_id = $1", road));
    }

    /// <summary>One value of each kind of poison the fault-injection run found, all keyed to the good road.</summary>
    private static List<byte[]> BadValuesFor(string road, TrafficReading template)
    {
        string Json(TrafficReading r) => JsonSerializer.Serialize(r with { EventId = Guid.NewGuid() }, TrafficJson.Options);
        var json = Json(template);
        return
        [
            Encoding.UTF8.GetBytes(json.Replace("\"current_speed\":20", "\"current_speed\":1e400", StringComparison.Ordinal)),
            Encoding.UTF8.GetBytes(Json(template with { Timestamp = new DateTimeOffset(1, 1, 1, 0, 0, 0, TimeSpan.Zero) })),
            Encoding.UTF8.GetBytes(Json(template with { Timestamp = new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero) })),
            Encoding.UTF8.GetBytes(Json(template with { CurrentSpeed = -1_000_000 })),
            Encoding.UTF8.GetBytes(json.Replace("\"current_speed\":20,", "", StringComparison.Ordinal)),
            Encoding.UTF8.GetBytes(JsonSerializer.Serialize(template with { EventId = Guid.Empty }, TrafficJson.Options)),
            Encoding.UTF8.GetBytes(json.Replace("\"current_speed\":20", "\"current_speed\":\"fast\"", StringComparison.Ordinal)),
            Encoding.UTF8.GetBytes(Json(template with { RoadId = "poison_rd_other" })),
            [0xFF, 0x00, 0x7B, 0x22],
            Encoding.UTF8.GetBytes(Json(template with { CurrentSpeed = 1e12 })),
            Encoding.UTF8.GetBytes(Json(template with { Timestamp = DateTimeOffset.UnixEpoch })),
            Encoding.UTF8.GetBytes("[]"),
        ];
    }

    private static Task ProduceAsync(KafkaBroker.KafkaBroker broker, string road, byte[] value) =>
        KafkaTestClient.ProduceRawAsync(broker.BootstrapServers, "traffic-raw", Encoding.UTF8.GetBytes(road), value);

    private static long DeadLetters(KafkaBroker.KafkaBroker broker) =>
        KafkaTestClient.EndOffsets(broker.BootstrapServers, KafkaTopicsOptions.DefaultDeadLetters, 1).Sum();

    private static long PredictionMessages(KafkaBroker.KafkaBroker broker) =>
        KafkaTestClient.EndOffsets(broker.BootstrapServers, "traffic-predictions", ServersFixture.KafkaPartitions).Sum();

    /// <summary>Committed and end offsets summed over the partitions of traffic-raw (the test's producers partition by their own hash).</summary>
    private static (long Committed, long End) CommittedAndEnd(KafkaBroker.KafkaBroker broker)
    {
        var committed = KafkaTestClient.CommittedOffsets(broker.BootstrapServers, Group, "traffic-raw", ServersFixture.KafkaPartitions);
        var end = KafkaTestClient.EndOffsets(broker.BootstrapServers, "traffic-raw", ServersFixture.KafkaPartitions);
        return (committed.Sum(c => Math.Max(c, 0)), end.Sum());
    }
}
