using TrafficOrleans.GrainInterfaces.Messages;
using System.Text;
using System.Text.Json;
using TrafficOrleans.Ingest.IntegrationTests.Infrastructure;
using TrafficOrleans.Kafka.Producing;
using TrafficOrleans.Notifications.Delivery;
using TrafficOrleans.Notifications.Rules;

namespace TrafficOrleans.Notifications.IntegrationTests;

[Collection(IngestCollection.Name)]
public sealed class NotificationDeliveryTests(ServersFixture database) : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public async Task InitializeAsync()
    {
        await database.ResetAsync();
        await database.CountAsync("TRUNCATE notifications RESTART IDENTITY");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_prediction_from_kafka_becomes_a_notification_row_and_a_json_message_on_traffic_notifications()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        var harness = new NotificationHarness(database.DataSource, broker.BootstrapServers);
        await harness.ProduceAsync(NotificationHarness.Json(NotificationHarness.Congesting("hanoi_rd_123")));
        using var consumer = harness.Consumer();

        await consumer.StartAsync(CancellationToken.None);
        await harness.WaitForCommitAsync(1);
        await consumer.StopAsync(CancellationToken.None);
        using var relayProducer = Pipeline.Producer(broker.BootstrapServers);
        var relay = Pipeline.Relay(database.DataSource, broker.BootstrapServers, relayProducer);
        await relay.DrainAsync(CancellationToken.None);

        Assert.Equal(1, await database.CountAsync(
            "SELECT count(*) FROM notifications WHERE road_id = 'hanoi_rd_123' AND alert_type = 'heavy_congestion' AND severity = 'warning'"));
        var message = Assert.Single(TopicReader.Read(broker.BootstrapServers, harness.Topics.Notifications, 2, TimeSpan.FromSeconds(3)));
        Assert.Equal("hanoi_rd_123", message.Message.Key);
        using var json = JsonDocument.Parse(message.Message.Value);
        var root = json.RootElement;
        Assert.Equal(
            ["event_id", "timestamp", "alert_type", "road_id", "road_name", "severity", "message", "affected_routes",
             "current_speed", "predicted_speed", "horizon_minutes", "eta_delta_minutes", "jam_factor", "model_version"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(AlertTypes.HeavyCongestion, root.GetProperty("alert_type").GetString());
        Assert.Equal("Heavy traffic on Pho Tran Phu. ETA +14 minutes", root.GetProperty("message").GetString());
        Assert.Equal("Pho Tran Phu", root.GetProperty("road_name").GetString());
        Assert.Equal(14.0, root.GetProperty("eta_delta_minutes").GetDouble());
        Assert.Equal(0, root.GetProperty("affected_routes").GetArrayLength());
        Assert.Equal(10, root.GetProperty("horizon_minutes").GetInt32());
        // The row keeps the published message itself (what /notifications and GetAlertsSince return).
        Assert.Equal(1, await database.CountAsync(
            $"SELECT count(*) FROM notifications WHERE event_id = '{root.GetProperty("event_id").GetGuid()}' AND payload->>'road_name' = '{root.GetProperty("road_name").GetString()}' AND (payload->>'eta_delta_minutes')::float8 = 14"));
    }

    [Fact]
    public async Task A_crash_between_the_database_commit_and_the_offset_commit_yields_each_notification_exactly_once()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        var harness = new NotificationHarness(database.DataSource, broker.BootstrapServers);
        string[] roads = ["road-a", "road-b", "road-c", "road-d", "road-e"];
        await harness.ProduceAsync([.. roads.Select(r => NotificationHarness.Json(NotificationHarness.Congesting(r)))]);

        using (var crashing = harness.Consumer(new CrashPoints(() => throw new SimulatedCrashException())))
        {
            await crashing.StartAsync(CancellationToken.None);
            await Assert.ThrowsAsync<SimulatedCrashException>(() => crashing.ExecuteTask!.WaitAsync(Deadline));
        }

        var storedBeforeRestart = await database.CountAsync("SELECT count(*) FROM notifications");
        Assert.InRange(storedBeforeRestart, 1, roads.Length);
        Assert.Equal(0, harness.CommittedCount());

        using var restarted = harness.Consumer();
        await restarted.StartAsync(CancellationToken.None);
        await harness.WaitForCommitAsync(roads.Length);
        await restarted.StopAsync(CancellationToken.None);
        using var relayProducer = Pipeline.Producer(broker.BootstrapServers);
        var relay = Pipeline.Relay(database.DataSource, broker.BootstrapServers, relayProducer);
        await relay.DrainAsync(CancellationToken.None);

        Assert.Equal(roads.Length, await database.CountAsync("SELECT count(DISTINCT event_id) FROM notifications"));
        Assert.Equal(roads.Length, await database.CountAsync("SELECT count(*) FROM notifications"));
        Assert.Equal(roads.Length, await database.CountAsync("SELECT count(*) FROM outbox WHERE topic = 'traffic-notifications'"));
        var messages = TopicReader.Read(broker.BootstrapServers, harness.Topics.Notifications, roads.Length + 1, TimeSpan.FromSeconds(3));
        Assert.Equal(roads.Order(), messages.Select(m => m.Message.Key!).Order());
        Assert.Equal(roads.Length, messages.Select(m => JsonDocument.Parse(m.Message.Value).RootElement.GetProperty("event_id").GetGuid()).Distinct().Count());
    }

    [Fact]
    public async Task Malformed_predictions_go_to_the_dead_letter_topic_with_reasons_while_good_ones_flow()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        var harness = new NotificationHarness(database.DataSource, broker.BootstrapServers);
        await harness.ProduceAsync(
            NotificationHarness.Json(NotificationHarness.Congesting("road-good-1")),
            NotificationHarness.Raw("road-bad", "{\"road_id\": \"road-bad\", \"current_speed\": "),
            NotificationHarness.Json(NotificationHarness.Congesting("road-good-2")));
        using var consumer = harness.Consumer();

        await consumer.StartAsync(CancellationToken.None);
        await harness.WaitForCommitAsync(3);
        await consumer.StopAsync(CancellationToken.None);
        using var relayProducer = Pipeline.Producer(broker.BootstrapServers);
        var relay = Pipeline.Relay(database.DataSource, broker.BootstrapServers, relayProducer);
        await relay.DrainAsync(CancellationToken.None);

        var dead = Assert.Single(TopicReader.Read(broker.BootstrapServers, harness.Topics.DeadLetters, 2, TimeSpan.FromSeconds(3)));
        Assert.Equal("road-bad", dead.Message.Key);
        string Header(string name) => Encoding.UTF8.GetString(dead.Message.Headers.GetLastBytes(name));
        Assert.Equal("malformed-json", Header(KafkaHeaderNames.DeadLetterCategory));
        Assert.NotEmpty(Header(KafkaHeaderNames.DeadLetterReason));
        Assert.Equal(harness.Topics.Predictions, Header(KafkaHeaderNames.DeadLetterSourceTopic));
        Assert.Equal(harness.Options.ConsumerGroup, Header(KafkaHeaderNames.DeadLetterConsumerGroup));
        var notified = TopicReader.Read(broker.BootstrapServers, harness.Topics.Notifications, 3, TimeSpan.FromSeconds(3));
        Assert.Equal(["road-good-1", "road-good-2"], notified.Select(m => m.Message.Key!).Order());
    }

    private sealed class SimulatedCrashException : Exception;
}
