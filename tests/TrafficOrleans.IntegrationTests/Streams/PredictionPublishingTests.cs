using System.Text.Json;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.IntegrationTests.Infrastructure;
using TrafficOrleans.IntegrationTests.Orleans;

namespace TrafficOrleans.IntegrationTests.Streams;

/// <summary>The walking skeleton downstream: a reading on traffic-raw yields a prediction in PostgreSQL and on traffic-predictions.</summary>
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

        var published = KafkaTestClient.ReadUntil(broker.BootstrapServers, "traffic-predictions", read => read.Count >= 2, TimeSpan.FromMinutes(2));
        var predictions = published.Select(p => JsonSerializer.Deserialize<RoadPrediction>(p.Message.Value, TrafficJson.Options)!).ToList();
        Assert.All(published, p => Assert.Equal(road, System.Text.Encoding.UTF8.GetString(p.Message.Key!)));
        Assert.Equal([Readings.Start, Readings.Start.AddMinutes(5)], predictions.Select(p => p.Timestamp));
        Assert.Equal(Readings.For(road, 1).CurrentSpeed, predictions[1].PredictedSpeed10Min);
        Assert.Equal("persistence-1", predictions[1].ModelVersion);

        // The grain produces to Kafka first and commits the rows right after; wait for the commit.
        var rows = await Eventually.WaitForAsync(
            () => servers.ScalarAsync<long>("SELECT count(*) FROM predictions WHERE road_id = $1", road), n => n == 2, TimeSpan.FromSeconds(30), "both prediction rows");
        Assert.Equal(2, rows);
        Assert.Equal(2, await servers.ScalarAsync<long>("SELECT count(*) FROM traffic_data WHERE road_id = $1", road));
        var stored = await servers.ScalarAsync<Guid>("SELECT event_id FROM predictions WHERE road_id = $1 AND \"timestamp\" = $2", road, Readings.Start.AddMinutes(5));
        Assert.Equal(predictions[1].EventId, stored);
    }
}
