using System.Text.Json;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.IntegrationTests.Infrastructure;
using TrafficOrleans.Storage.Postgres;

namespace TrafficOrleans.IntegrationTests.Storage;

/// <summary>
/// <see cref="RoadOutcomeStore"/> writes a prediction's <c>traffic-predictions</c> outbox row only with a new prediction
/// row: a reading applied again (redelivered after a crash, or twice in one group commit) adds no second message.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class PredictionOutboxTests(ServersFixture database)
{
    private static readonly PredictionMessages Messages = new(
        "traffic-predictions-outbox-test",
        new Dictionary<string, string> { ["orleans-event-type"] = typeof(RoadPrediction).FullName!, ["orleans-stream-namespace"] = "traffic-predictions" },
        TrafficJson.Strict);

    [Fact]
    public async Task A_prediction_saved_again_has_one_outbox_message_with_the_stream_providers_key_headers_and_json()
    {
        await using var store = new RoadOutcomeStore(database.DataSource, Messages);
        var road = $"outbox_{Guid.NewGuid():N}"[..16];
        var first = Outcome(road, 0);
        var second = Outcome(road, 1);

        await store.SaveAsync([first]);
        await store.SaveAsync([first, second, second]);
        await store.SaveAsync([second]);

        Assert.Equal(2, await database.ScalarAsync<long>("SELECT count(*) FROM predictions WHERE road_id = $1", road));
        await using var command = database.DataSource.CreateCommand(
            "SELECT message_key, payload, headers::text FROM outbox WHERE topic = $1 AND message_key = $2 ORDER BY id");
        command.Parameters.AddWithValue(Messages.Topic);
        command.Parameters.AddWithValue(road);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string Key, byte[] Payload, string Headers)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetFieldValue<byte[]>(1), reader.GetString(2)));

        Assert.Equal(2, rows.Count);
        Assert.Equal([first.Prediction.EventId, second.Prediction.EventId], rows.Select(r => JsonSerializer.Deserialize<RoadPrediction>(r.Payload, TrafficJson.Strict)!.EventId));
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(first.Prediction, TrafficJson.Strict), rows[0].Payload);
        Assert.Equal(Messages.Headers, JsonSerializer.Deserialize<Dictionary<string, string>>(rows[0].Headers));
        Assert.All(rows, r => Assert.Equal(road, r.Key));
    }

    private static RoadOutcome Outcome(string road, int step)
    {
        var reading = Readings.For(road, step);
        var prediction = new RoadPrediction(
            Guid.NewGuid(), reading.Timestamp, road, reading.CurrentSpeed, 40, 41, 42, 0.8, "outbox-test", reading.JamFactor);
        return new RoadOutcome(reading, prediction);
    }
}
