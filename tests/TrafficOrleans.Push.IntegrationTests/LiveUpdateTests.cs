using System.Collections.Concurrent;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.AspNetCore.SignalR.Client;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.IntegrationTests.Infrastructure;

namespace TrafficOrleans.Push.IntegrationTests;

/// <summary>
/// <c>trafficUpdated</c> (from <c>traffic-predictions</c>: the changed roads of a batch in one message, filtered by the
/// client's area) and <c>graphUpdated</c> (each <c>route-updates</c> event, unchanged) on the real host.
/// </summary>
[Collection(PushCollection.Name)]
public sealed class LiveUpdateTests(PushFixture fixture)
{
    [Fact]
    public async Task A_prediction_batch_reaches_an_area_client_as_one_update_of_its_roads_only()
    {
        var (south, north) = fixture.TwoDistantRoads();
        var updates = new ConcurrentQueue<JsonElement>();
        await using var connection = new HubConnectionBuilder().WithUrl(new Uri(fixture.Host.BaseAddress, "/hubs/traffic")).Build();
        connection.On<JsonElement>("trafficUpdated", update => updates.Enqueue(update));
        await connection.StartAsync();
        await connection.InvokeAsync("SubscribeArea", south.Box.South, south.Box.West, south.Box.North, south.Box.East);

        // The bridge starts at the latest offset once it joined its group: repeat the batch (a new reading time each
        // round, so it is news) until the client has it.
        var round = 0;
        await Eventually.WaitForAsync(async () =>
        {
            var time = DateTimeOffset.UtcNow.AddSeconds(round++);
            Produce(Prediction(south.Id, time, current: 4, jam: 9.5), Prediction(north.Id, time, current: 40, jam: 1));
            await Task.Delay(300);
            return updates.Count;
        }, count => count > 0, Alerts.Deadline, "a trafficUpdated message");

        var roads = updates.SelectMany(update => update.EnumerateArray()).ToList();
        Assert.DoesNotContain(roads, road => road.GetProperty("road_id").GetString() == north.Id);
        var mine = roads.First(road => road.GetProperty("road_id").GetString() == south.Id);
        Assert.Equal(4, mine.GetProperty("current_speed").GetDouble());
        Assert.Equal("severe", mine.GetProperty("congestion_level").GetString());
        Assert.Equal(3, mine.GetProperty("predicted_speed_10min").GetDouble());
        Assert.Equal(2, mine.GetProperty("predicted_speed_30min").GetDouble());
        // One message per batch, not one per road: no message holds the same road twice, and none arrived per road.
        Assert.All(updates, update => Assert.Equal(update.GetArrayLength(), update.EnumerateArray().Select(r => r.GetProperty("road_id").GetString()).Distinct().Count()));
    }

    [Fact]
    public async Task A_route_update_event_reaches_clients_unchanged()
    {
        var events = new ConcurrentQueue<JsonElement>();
        await using var connection = new HubConnectionBuilder().WithUrl(new Uri(fixture.Host.BaseAddress, "/hubs/traffic")).Build();
        connection.On<JsonElement>("graphUpdated", update => events.Enqueue(update));
        await connection.StartAsync();

        var version = 0;
        await Eventually.WaitForAsync(async () =>
        {
            var json = JsonSerializer.Serialize(new { city = "hanoi", version = ++version, changed_roads = 3, updated_at = DateTimeOffset.UtcNow });
            await fixture.Producer.ProduceAsync("route-updates", new Message<string, string> { Key = "hanoi", Value = json });
            await Task.Delay(300);
            return events.Count;
        }, count => count > 0, Alerts.Deadline, "a graphUpdated message");

        var received = events.First();
        Assert.Equal("hanoi", received.GetProperty("city").GetString());
        Assert.Equal(3, received.GetProperty("changed_roads").GetInt32());
        Assert.InRange(received.GetProperty("version").GetInt32(), 1, version);
    }

    private static RoadPrediction Prediction(string roadId, DateTimeOffset time, double current, double jam) =>
        new(Guid.NewGuid(), time, roadId, current, current - 1, current - 1.5, current - 2, 0.9, "test-1", jam);

    private void Produce(params RoadPrediction[] predictions)
    {
        // One partition, one flush: the bridge reads them as one batch.
        foreach (var prediction in predictions)
        {
            fixture.Producer.Produce(new TopicPartition("traffic-predictions", new Partition(0)),
                new Message<string, string> { Key = prediction.RoadId, Value = JsonSerializer.Serialize(prediction, TrafficJson.Options) });
        }

        fixture.Producer.Flush(TimeSpan.FromSeconds(10));
    }
}
