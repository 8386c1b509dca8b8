using System.Text.Json;
using Confluent.Kafka;
using TrafficOrleans.IntegrationTests.Infrastructure;

namespace TrafficOrleans.Push.IntegrationTests;

/// <summary>Alerts as the notification rules put them on <c>traffic-notifications</c>, produced by a plain Kafka producer.</summary>
public static class Alerts
{
    /// <summary>Every test alert goes to partition 0, so alerts arrive in the order they were produced.</summary>
    public static readonly TopicPartition Notifications = new("traffic-notifications", new Partition(0));

    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    /// <summary>
    /// An alert's JSON with fields the push channels do not read (road_name, affected_routes) so the tests see that
    /// they pass through unchanged; <paramref name="padding"/> characters make it as large as needed.
    /// </summary>
    public static string Json(Guid eventId, string roadId, DateTimeOffset? timestamp = null, int padding = 0) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["event_id"] = eventId,
        ["timestamp"] = timestamp ?? DateTimeOffset.UtcNow,
        ["alert_type"] = "heavy_congestion",
        ["road_id"] = roadId,
        ["road_name"] = "Pho Tran Phu",
        ["severity"] = "high",
        ["message"] = "Heavy traffic on Pho Tran Phu. ETA +15 minutes",
        ["affected_routes"] = new[] { new Dictionary<string, string> { ["route_id"] = "r1", ["origin"] = "A", ["destination"] = "B" } },
        ["padding"] = new string('x', padding),
    });

    public static Task ProduceAsync(IProducer<string, string> producer, string roadId, string json) =>
        producer.ProduceAsync(Notifications, new Message<string, string> { Key = roadId, Value = json });

    /// <summary>
    /// The bridges start at the latest offset once they joined their group: produces probe alerts until an
    /// unsubscribed client of <paramref name="host"/> receives one, so later alerts are sure to be read.
    /// </summary>
    public static async Task WarmUpAsync(PushFixture fixture, PushHost host)
    {
        await using var client = await PushClient.ConnectAsync(host);
        await Eventually.WaitForAsync(async () =>
        {
            await ProduceAsync(fixture.Producer, "warm-up", Json(Guid.NewGuid(), "warm-up"));
            await Task.Delay(500);
            return client.Alerts.Count;
        }, count => count > 0, Deadline, "the push bridge to deliver a probe alert");
    }
}
