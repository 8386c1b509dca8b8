using System.Text.Json;
using Confluent.Kafka;
using TrafficOrleans.GrainInterfaces.Streams;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.IntegrationTests.Infrastructure;
using TrafficOrleans.IntegrationTests.Orleans;

namespace TrafficOrleans.IntegrationTests.Streams;

/// <summary>
/// The walking skeleton downstream: a reading on traffic-raw yields a prediction in PostgreSQL and, through the outbox,
/// on traffic-predictions — in the stream provider's wire format, once.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class PredictionPublishingTests(ServersFixture servers)
{
    [Fact]
    public async Task Reading_on_traffic_raw_is_predicted_into_postgres_and_traffic_predictions()
    {
        await using var broker = await ServersFixture.StartPrivateBrokerAsync();
        await using var cluster = await TestClusters.StartAsync(servers, silos: 1, broker: broker);
        var road = $"pred_{Guid.NewGuid():N}"[..16];

        await KafkaTestClient.ProduceReadingsAsync(broker.BootstrapServers, [Readings.For(road, 0), Readings.For(road, 1)]);

        // The database may hold other tests' unsent outbox rows, which this silo's relay publishes too: read this road's.
        var published = KafkaTestClient.ReadUntil(broker.BootstrapServers, "traffic-predictions", read => read.Count(p => IsOf(road, p)) >= 2, TimeSpan.FromMinutes(2))
            .Where(p => IsOf(road, p)).ToList();
        var predictions = published.Select(p => JsonSerializer.Deserialize<RoadPrediction>(p.Message.Value, TrafficJson.Options)!).ToList();
        // What the stream provider produced before the outbox relay did: the same value bytes and Orleans headers.
        Assert.All(published, p =>
        {
            Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(JsonSerializer.Deserialize<RoadPrediction>(p.Message.Value, TrafficJson.Strict), TrafficJson.Strict), p.Message.Value);
            Assert.Equal("TrafficOrleans.GrainInterfaces.Messages.RoadPrediction", KafkaTestClient.Header(p, "orleans-event-type"));
            Assert.Equal(TrafficTopics.Predictions, KafkaTestClient.Header(p, "orleans-stream-namespace"));
        });
        Assert.Equal(2, published.Count);
        Assert.Equal([Readings.Start, Readings.Start.AddMinutes(5)], predictions.Select(p => p.Timestamp));
        Assert.Equal(Readings.For(road, 1).CurrentSpeed, predictions[1].PredictedSpeed10Min);
        Assert.Equal("persistence-1", predictions[1].ModelVersion);

        // The rows were committed before the relay published them.
        Assert.Equal(2, await servers.ScalarAsync<long>("SELECT count(*) FROM predictions WHERE road_id = $1", road));
        Assert.Equal(2, await servers.ScalarAsync<long>("SELECT count(*) FROM traffic_data WHERE road_id = $1", road));
        var stored = await servers.ScalarAsync<Guid>("SELECT event_id FROM predictions WHERE road_id = $1 AND \"timestamp\" = $2", road, Readings.Start.AddMinutes(5));
        Assert.Equal(predictions[1].EventId, stored);
    }

    private static bool IsOf(string road, ConsumeResult<byte[]?, byte[]?> message) =>
        message.Message.Key is { } key && System.Text.Encoding.UTF8.GetString(key) == road;
}
