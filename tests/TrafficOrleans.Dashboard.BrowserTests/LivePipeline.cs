using System.Collections.Concurrent;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.AspNetCore.SignalR.Client;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.IntegrationTests.Infrastructure;

namespace TrafficOrleans.Dashboard.BrowserTests;

/// <summary>
/// Puts input on the silo's topics as the pipeline's producers do: readings on <c>traffic-raw</c> (key = road id;
/// road grains forecast them and the push bridge sends <c>trafficUpdated</c>) and alerts on
/// <c>traffic-notifications</c>.
/// </summary>
public sealed class LivePipeline(string bootstrapServers) : IDisposable
{
    private readonly IProducer<string, string> _producer =
        new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = bootstrapServers, Acks = Acks.All, LingerMs = 2 }).Build();

    /// <summary>A reading of <paramref name="road"/> at <paramref name="speed"/> km/h, timestamped now.</summary>
    public Task ProduceReadingAsync(MapRoad road, double speed)
    {
        var ratio = speed / road.FreeFlowSpeed;
        var level = ratio >= 0.75 ? CongestionLevel.Free : ratio >= 0.5 ? CongestionLevel.Moderate : ratio >= 0.25 ? CongestionLevel.Heavy : CongestionLevel.Severe;
        var reading = new TrafficReading(Guid.NewGuid(), DateTimeOffset.UtcNow, road.RoadId, road.RoadName, speed, road.FreeFlowSpeed, 1 + (1 - ratio) * 8, level, ratio, false);
        return _producer.ProduceAsync("traffic-raw", new Message<string, string> { Key = road.RoadId, Value = JsonSerializer.Serialize(reading, TrafficJson.Options) });
    }

    /// <summary>An alert in the product's shape on <c>traffic-notifications</c>; returns its event id.</summary>
    public async Task<Guid> ProduceAlertAsync(MapRoad road, string severity)
    {
        var eventId = Guid.NewGuid();
        var alert = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["event_id"] = eventId,
            ["timestamp"] = DateTimeOffset.UtcNow,
            ["alert_type"] = "heavy_congestion",
            ["road_id"] = road.RoadId,
            ["road_name"] = road.RoadName,
            ["severity"] = severity,
            ["message"] = $"Heavy traffic on {road.RoadName}. ETA +15 minutes",
            ["affected_routes"] = Array.Empty<object>(),
        });
        await _producer.ProduceAsync(new TopicPartition("traffic-notifications", new Partition(0)), new Message<string, string> { Key = road.RoadId, Value = alert });
        return eventId;
    }

    /// <summary>
    /// The push bridges read from the latest offset once they joined their groups: feeds both paths until a plain
    /// SignalR client has seen an alert and a traffic update, so what the tests produce later is sure to be read.
    /// </summary>
    public async Task WarmUpAsync(Uri silo, MapRoad road)
    {
        var alerts = new ConcurrentQueue<JsonElement>();
        var updates = new ConcurrentQueue<JsonElement>();
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(silo, "/hubs/traffic")).Build();
        hub.On<JsonElement>("alert", alerts.Enqueue);
        hub.On<JsonElement>("trafficUpdated", updates.Enqueue);
        await hub.StartAsync();
        await Eventually.WaitForAsync(async () =>
        {
            if (alerts.IsEmpty) await ProduceAlertAsync(road, "info");
            if (updates.IsEmpty) await ProduceReadingAsync(road, road.FreeFlowSpeed * (0.5 + Random.Shared.NextDouble() / 2));
            await Task.Delay(500);
            return (Alerts: alerts.Count, Updates: updates.Count);
        }, seen => seen.Alerts > 0 && seen.Updates > 0, TimeSpan.FromSeconds(90), "the push bridges to deliver a probe alert and a traffic update");
    }

    public void Dispose()
    {
        _producer.Flush(TimeSpan.FromSeconds(5));
        _producer.Dispose();
    }
}
