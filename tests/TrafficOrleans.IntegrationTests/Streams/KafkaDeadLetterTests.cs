using TrafficOrleans.Kafka.Topics;
using System.Diagnostics;
using System.Text;
using TrafficOrleans.GrainInterfaces.Grains;
using TrafficOrleans.IntegrationTests.Infrastructure;
using TrafficOrleans.IntegrationTests.Orleans;

namespace TrafficOrleans.IntegrationTests.Streams;

/// <summary>Bad messages land in <c>traffic-dlq</c> with the reason and origin in headers, and the partition keeps flowing.</summary>
[Collection(ServersCollection.Name)]
public sealed class KafkaDeadLetterTests(ServersFixture servers)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Malformed_json_missing_key_and_oversized_values_are_dead_lettered_while_good_messages_flow()
    {
        await using var broker = await ServersFixture.StartPrivateBrokerAsync();
        await using var cluster = await TestClusters.StartAsync(servers, silos: 1, broker: broker);
        var road = $"dlq_{Guid.NewGuid():N}"[..16];

        await KafkaTestClient.ProduceReadingsAsync(broker.BootstrapServers, [Readings.For(road, 0)]);
        await KafkaTestClient.ProduceRawAsync(broker.BootstrapServers, "traffic-raw", Encoding.UTF8.GetBytes(road), Encoding.UTF8.GetBytes("{\"event_id\": not json"));
        await KafkaTestClient.ProduceRawAsync(broker.BootstrapServers, "traffic-raw", null, Encoding.UTF8.GetBytes("{\"road_id\":\"keyless\"}"));
        await KafkaTestClient.ProduceRawAsync(broker.BootstrapServers, "traffic-raw", Encoding.UTF8.GetBytes(road), new byte[2 * 1024 * 1024]);
        await KafkaTestClient.ProduceReadingsAsync(broker.BootstrapServers, [Readings.For(road, 1)]);

        var grain = cluster.GrainFactory.GetGrain<IRoadGrain>(road);
        await Eventually.WaitForAsync(grain.GetActivityAsync, a => a.AppliedReadings == 2, Deadline, "both good readings around the bad ones");

        var dead = KafkaTestClient.ReadUntil(broker.BootstrapServers, KafkaTopicsOptions.DefaultDeadLetters, read => read.Count >= 3, Deadline);
        var categories = dead.Select(d => KafkaTestClient.Header(d, "dlq-category")).Order().ToList();
        Assert.Equal(["malformed-json", "missing-key", "too-large"], categories);
        Assert.All(dead, d =>
        {
            Assert.Equal("traffic-raw", KafkaTestClient.Header(d, "dlq-source-topic"));
            Assert.Equal("ml-prediction-group", KafkaTestClient.Header(d, "dlq-consumer-group"));
            Assert.False(string.IsNullOrEmpty(KafkaTestClient.Header(d, "dlq-reason")));
            Assert.NotNull(KafkaTestClient.Header(d, "dlq-source-offset"));
        });
        var oversized = dead.Single(d => KafkaTestClient.Header(d, "dlq-category") == "too-large");
        Assert.Equal(2 * 1024 * 1024, oversized.Message.Value!.Length);
        Assert.Equal("{\"event_id\": not json", Encoding.UTF8.GetString(dead.Single(d => KafkaTestClient.Header(d, "dlq-category") == "malformed-json").Message.Value!));
    }

    [Fact]
    public async Task A_message_produced_by_kcat_reaches_its_grain()
    {
        var kcat = File.Exists("/usr/bin/kcat") ? "/usr/bin/kcat" : throw new InvalidOperationException("kcat is not installed — apt-get install kcat (./scripts/test.sh does it)");
        await using var broker = await ServersFixture.StartPrivateBrokerAsync();
        await using var cluster = await TestClusters.StartAsync(servers, silos: 1, broker: broker);
        var road = $"kcat_{Guid.NewGuid():N}"[..16];
        var json = $$$"""{"event_id":"{{{Guid.NewGuid()}}}","timestamp":"2025-10-20T15:30:00Z","road_id":"{{{road}}}","road_name":"Kim Ma","current_speed":17.5,"free_flow_speed":45,"jam_factor":6.1,"congestion_level":"heavy","speed_ratio":0.39,"is_rush_hour":true,"coordinates":{"lat":21.0313,"lng":105.8235}}""";

        var start = new ProcessStartInfo(kcat, ["-P", "-b", broker.BootstrapServers, "-t", "traffic-raw", "-K", "|"]) { RedirectStandardInput = true, RedirectStandardError = true };
        using (var process = Process.Start(start)!)
        {
            await process.StandardInput.WriteLineAsync($"{road}|{json}");
            process.StandardInput.Close();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
        }

        var grain = cluster.GrainFactory.GetGrain<IRoadGrain>(road);
        var activity = await Eventually.WaitForAsync(grain.GetActivityAsync, a => a.AppliedReadings == 1, Deadline, "the kcat message to reach its grain");
        var latest = await grain.GetLatestReadingAsync();
        Assert.Equal(17.5, latest!.CurrentSpeed);
        Assert.Equal("Kim Ma", latest.RoadName);
        Assert.Equal(new DateTimeOffset(2025, 10, 20, 15, 30, 0, TimeSpan.Zero), activity.LatestTimestamp);
    }
}
