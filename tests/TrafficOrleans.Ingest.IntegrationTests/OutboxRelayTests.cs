using System.Text;
using System.Text.Json;
using TrafficOrleans.Kafka.Topics;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.Ingest.IntegrationTests.Infrastructure;
using TrafficOrleans.Ingest.DualWrite;
using TrafficOrleans.Outbox;
using TrafficOrleans.Ingest.Preprocessing;
using TrafficOrleans.Kafka.Producing;
using TrafficOrleans.Kafka;

namespace TrafficOrleans.Ingest.IntegrationTests;

[Collection(IngestCollection.Name)]
public sealed class OutboxRelayTests(ServersFixture database) : IAsyncLifetime
{
    private static readonly DateTimeOffset Tick = new(2025, 10, 15, 10, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Relay_publishes_exactly_the_outbox_rows_keyed_by_road_id_with_the_reading_json()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        var batch = await Pipeline.Simulator().PollAsync(Tick, CancellationToken.None);
        await Pipeline.Writer(database.DataSource).WriteAsync(batch, CancellationToken.None);
        using var relayProducer = Pipeline.Producer(broker.BootstrapServers);
        var relay = Pipeline.Relay(database.DataSource, broker.BootstrapServers, relayProducer, batchSize: 50);

        var round = await relay.DrainAsync(CancellationToken.None);
        var again = await relay.DrainAsync(CancellationToken.None);

        Assert.Equal(batch.Readings.Count, round.Published);
        Assert.Equal(0, again.Claimed);
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM outbox WHERE sent_at IS NULL"));
        var messages = TopicReader.Read(broker.BootstrapServers, KafkaTopicsOptions.DefaultRawReadings, batch.Readings.Count + 1, TimeSpan.FromSeconds(3));
        Assert.Equal(batch.Readings.Count, messages.Count);
        var expected = batch.Readings.ToDictionary(r => r.RoadId);
        foreach (var message in messages)
        {
            var reading = expected[message.Message.Key!];
            Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(reading, TrafficJson.Options), message.Message.Value);
            Assert.Equal(KafkaPartitioner.PartitionFor(Encoding.UTF8.GetBytes(reading.RoadId), EmbeddedBroker.Partitions), message.Partition.Value);
        }

        Assert.Equal(expected.Keys.Order(), messages.Select(m => m.Message.Key!).Order());
        using var json = JsonDocument.Parse(messages[0].Message.Value);
        Assert.Equal(
            ["event_id", "timestamp", "road_id", "road_name", "current_speed", "free_flow_speed", "jam_factor", "congestion_level", "speed_ratio", "is_rush_hour", "coordinates", "neighbour_ratio"],
            json.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task A_round_started_while_another_awaits_its_deliveries_claims_only_the_newer_rows_and_both_publish_in_id_order()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        var writer = Pipeline.Writer(database.DataSource);
        var first = await Pipeline.Simulator().PollAsync(Tick, CancellationToken.None);
        var second = await Pipeline.Simulator().PollAsync(Tick.AddMinutes(5), CancellationToken.None);
        using var relayProducer = Pipeline.Producer(broker.BootstrapServers);
        var relay = Pipeline.Relay(database.DataSource, broker.BootstrapServers, relayProducer);
        Assert.Equal(0, (await relay.RelayOnceAsync(CancellationToken.None)).Claimed);

        await writer.WriteAsync(first, CancellationToken.None);
        var inFlight = await relay.StartRoundAsync(null, CancellationToken.None);
        await writer.WriteAsync(second, CancellationToken.None);
        // Without leaving out the first round's rows, the claim would wait for that round's row locks until it commits.
        var next = await relay.StartRoundAsync(inFlight, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        var finished = await relay.FinishRoundAsync(inFlight!, CancellationToken.None);
        var finishedNext = await relay.FinishRoundAsync(next!, CancellationToken.None);

        Assert.Equal((first.Readings.Count, first.Readings.Count), (finished.Claimed, finished.Published));
        Assert.Equal((second.Readings.Count, second.Readings.Count), (finishedNext.Claimed, finishedNext.Published));
        Assert.True(next!.FirstId > inFlight!.LastId);
        Assert.Null(await relay.StartRoundAsync(null, CancellationToken.None));
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM outbox WHERE sent_at IS NULL OR attempts <> 1"));
        var total = first.Readings.Count + second.Readings.Count;
        var messages = TopicReader.Read(broker.BootstrapServers, KafkaTopicsOptions.DefaultRawReadings, total + 1, TimeSpan.FromSeconds(3));
        Assert.Equal(total, messages.Count);
        foreach (var partition in messages.GroupBy(m => m.Partition.Value))
        {
            var rowIds = partition.OrderBy(m => m.Offset.Value).Select(m => long.Parse(Encoding.ASCII.GetString(m.Message.Headers.GetLastBytes(OutboxHeaderNames.RowId)), System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(rowIds.Order(), rowIds);
        }
    }

    [Fact]
    public async Task Rejected_readings_land_in_the_dead_letter_topic_with_reason_headers()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        var builder = Pipeline.Preprocessor().CreateBatch("test", Tick);
        var valid = new RawReading("road-ok", "Good road", Tick, 40, 50, null, false, null);
        var negative = new RawReading("road-bad", "Bad road", Tick, -7, 50, null, false, null);
        builder.Add(valid, "road-ok,40", static s => s);
        builder.Add(negative, "road-bad,-7", static s => s);
        var batch = builder.Build();
        await Pipeline.Writer(database.DataSource).WriteAsync(batch, CancellationToken.None);
        using var relayProducer = Pipeline.Producer(broker.BootstrapServers);
        var relay = Pipeline.Relay(database.DataSource, broker.BootstrapServers, relayProducer);

        await relay.DrainAsync(CancellationToken.None);

        var dead = Assert.Single(TopicReader.Read(broker.BootstrapServers, KafkaTopicsOptions.DefaultDeadLetters, 1, Deadline));
        Assert.Equal("road-bad,-7", Encoding.UTF8.GetString(dead.Message.Value));
        Assert.Equal("road-bad", dead.Message.Key);
        string Header(string name) => Encoding.UTF8.GetString(dead.Message.Headers.GetLastBytes(name));
        Assert.Equal("negative_speed", Header(OutboxTopics.DeadLetterCategoryHeader));
        Assert.Equal("test", Header(OutboxTopics.DeadLetterSourceHeader));
        Assert.Contains("-7", Header(OutboxTopics.DeadLetterReasonHeader), StringComparison.Ordinal);
        Assert.Single(TopicReader.Read(broker.BootstrapServers, KafkaTopicsOptions.DefaultRawReadings, 1, Deadline));
    }

    [Fact]
    public async Task Failed_deliveries_are_recorded_and_published_by_a_later_round()
    {
        string unreachable;
        await using (var gone = await EmbeddedBroker.StartAsync()) unreachable = gone.BootstrapServers;
        var batch = await Pipeline.Simulator().PollAsync(Tick, CancellationToken.None);
        using (var failingProducer = Pipeline.Producer(unreachable, deliveryTimeout: TimeSpan.FromSeconds(1)))
        {
            var failing = Pipeline.Relay(database.DataSource, unreachable, failingProducer);
            // Its first round finds nothing unsent, so it has no log to read back (which needs the broker) before relaying.
            Assert.Equal(0, (await failing.RelayOnceAsync(CancellationToken.None)).Claimed);
            await Pipeline.Writer(database.DataSource).WriteAsync(batch, CancellationToken.None);
            var failed = await failing.RelayOnceAsync(CancellationToken.None);
            Assert.Equal((batch.Readings.Count, 0, batch.Readings.Count), (failed.Claimed, failed.Published, failed.Failed));
        }

        Assert.Equal(batch.Readings.Count, await database.CountAsync("SELECT count(*) FROM outbox WHERE sent_at IS NULL AND attempts = 1 AND last_error IS NOT NULL"));

        await using var broker = await EmbeddedBroker.StartAsync();
        using var relayProducer = Pipeline.Producer(broker.BootstrapServers);
        var relay = Pipeline.Relay(database.DataSource, broker.BootstrapServers, relayProducer);
        var retried = await relay.DrainAsync(CancellationToken.None);

        Assert.Equal(batch.Readings.Count, retried.Published);
        Assert.Equal(batch.Readings.Count, await database.CountAsync("SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL AND attempts = 2"));
    }

    [Fact]
    public async Task Sent_rows_past_the_retention_are_deleted_and_unsent_rows_are_kept()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        var writer = Pipeline.Writer(database.DataSource);
        var sent = await Pipeline.Simulator().PollAsync(Tick, CancellationToken.None);
        await writer.WriteAsync(sent, CancellationToken.None);
        var metrics = new OutboxMetrics(Pipeline.Meters);
        using var relayProducer = Pipeline.Producer(broker.BootstrapServers);
        var relay = Pipeline.Relay(database.DataSource, broker.BootstrapServers, relayProducer, metrics, options: new OutboxOptions { Retention = TimeSpan.Zero });
        await relay.DrainAsync(CancellationToken.None);
        var unsent = await Pipeline.Simulator().PollAsync(Tick.AddMinutes(5), CancellationToken.None);
        await writer.WriteAsync(unsent, CancellationToken.None);

        var deleted = await relay.DeleteExpiredAsync(CancellationToken.None);
        var lag = await relay.RefreshLagAsync(CancellationToken.None);

        Assert.Equal(sent.Readings.Count, deleted);
        Assert.Equal(unsent.Readings.Count, lag);
        Assert.Equal(unsent.Readings.Count, metrics.UnsentRows);
        Assert.Equal(unsent.Readings.Count, await database.CountAsync("SELECT count(*) FROM outbox"));
    }
}
