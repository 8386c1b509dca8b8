using System.Text;
using TrafficOrleans.Ingest.IntegrationTests.Infrastructure;
using TrafficOrleans.Kafka.Topics;
using TrafficOrleans.Outbox;

namespace TrafficOrleans.Ingest.IntegrationTests;

/// <summary>
/// A relay that stops after Kafka acknowledged its round but before PostgreSQL committed the rows sent (here: recording
/// the round's positions fails, as the process killed or PostgreSQL gone at that moment would make the commit fail; the
/// claim that marked the rows rolls back) leaves published rows unsent.
/// The relay that runs next, or the same one on its next round, finds them in the log and does not publish them again.
/// </summary>
[Collection(IngestCollection.Name)]
public sealed class OutboxTakeoverTests(ServersFixture database) : IAsyncLifetime
{
    private static readonly DateTimeOffset Tick = new(2025, 10, 15, 10, 30, 0, TimeSpan.Zero);
    private const int InterruptedRound = 100;

    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => database.CountAsync("DROP TRIGGER IF EXISTS test_fail_relay_commit ON outbox_positions");

    [Fact]
    public async Task Rows_published_by_a_relay_that_died_before_marking_them_are_marked_by_the_next_relay_not_published_again()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        var writer = Pipeline.Writer(database.DataSource);
        // An earlier round committed normally: the log holds more than the interrupted round, and positions are recorded.
        var first = await Pipeline.Simulator().PollAsync(Tick, CancellationToken.None);
        await writer.WriteAsync(first, CancellationToken.None);
        using (var producer = Pipeline.Producer(broker.BootstrapServers))
        {
            await Pipeline.Relay(database.DataSource, broker.BootstrapServers, producer, batchSize: 300).DrainAsync(CancellationToken.None);
        }

        var interrupted = await Pipeline.Simulator().PollAsync(Tick.AddMinutes(5), CancellationToken.None);
        await writer.WriteAsync(interrupted, CancellationToken.None);
        using (var dying = Pipeline.Producer(broker.BootstrapServers))
        {
            await FailRoundCommitAsync();
            var relay = Pipeline.Relay(database.DataSource, broker.BootstrapServers, dying, batchSize: InterruptedRound);
            await Assert.ThrowsAnyAsync<Npgsql.PostgresException>(() => relay.RelayOnceAsync(CancellationToken.None));
            await database.CountAsync("DROP TRIGGER test_fail_relay_commit ON outbox_positions");
        }

        Assert.Equal(interrupted.Readings.Count, await database.CountAsync("SELECT count(*) FROM outbox WHERE sent_at IS NULL"));
        var later = await Pipeline.Simulator().PollAsync(Tick.AddMinutes(10), CancellationToken.None);
        await writer.WriteAsync(later, CancellationToken.None);

        using var successorProducer = Pipeline.Producer(broker.BootstrapServers);
        var metrics = new OutboxMetrics(Pipeline.Meters);
        var successor = Pipeline.Relay(database.DataSource, broker.BootstrapServers, successorProducer, metrics, batchSize: 300);
        var drained = await successor.DrainAsync(CancellationToken.None);

        // The interrupted round's rows were in the log; the rest of that tick and the later tick are published now.
        Assert.Equal(InterruptedRound, metrics.ReconciledRows);
        Assert.Equal(interrupted.Readings.Count + later.Readings.Count - InterruptedRound, drained.Published);
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM outbox WHERE sent_at IS NULL"));
        var total = first.Readings.Count + interrupted.Readings.Count + later.Readings.Count;
        var messages = TopicReader.Read(broker.BootstrapServers, KafkaTopicsOptions.DefaultRawReadings, total + 1, TimeSpan.FromSeconds(5));
        var rowIds = messages.Select(m => long.Parse(Encoding.ASCII.GetString(m.Message.Headers.GetLastBytes(OutboxHeaderNames.RowId)), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(total, rowIds.Count);
        Assert.Equal(total, rowIds.Distinct().Count());
        Assert.Equal(rowIds.Order(), (await OutboxIdsAsync()).Order());
    }

    [Fact]
    public async Task A_relay_whose_marking_failed_reads_the_log_back_before_its_next_round()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        var batch = await Pipeline.Simulator().PollAsync(Tick, CancellationToken.None);
        await Pipeline.Writer(database.DataSource).WriteAsync(batch, CancellationToken.None);
        using var producer = Pipeline.Producer(broker.BootstrapServers);
        var relay = Pipeline.Relay(database.DataSource, broker.BootstrapServers, producer);
        await FailRoundCommitAsync();
        await Assert.ThrowsAnyAsync<Npgsql.PostgresException>(() => relay.RelayOnceAsync(CancellationToken.None));
        await database.CountAsync("DROP TRIGGER test_fail_relay_commit ON outbox_positions");

        var retried = await relay.DrainAsync(CancellationToken.None);

        Assert.Equal(0, retried.Published);
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM outbox WHERE sent_at IS NULL"));
        var messages = TopicReader.Read(broker.BootstrapServers, KafkaTopicsOptions.DefaultRawReadings, batch.Readings.Count + 1, TimeSpan.FromSeconds(5));
        Assert.Equal(batch.Readings.Count, messages.Count);
    }

    private async Task<List<long>> OutboxIdsAsync()
    {
        await using var command = database.DataSource.CreateCommand("SELECT id FROM outbox");
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<long>();
        while (await reader.ReadAsync()) ids.Add(reader.GetInt64(0));
        return ids;
    }

    // The round's last statement before its commit (recording where it ended) fails after Kafka acknowledged it, as
    // PostgreSQL going away between delivery and commit would make it: the whole round, its claim included, rolls back.
    private Task<long> FailRoundCommitAsync() => database.CountAsync("""
        CREATE OR REPLACE FUNCTION test_fail_relay_commit() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'relay stopped before committing its round'; END $$;
        CREATE TRIGGER test_fail_relay_commit BEFORE INSERT OR UPDATE ON outbox_positions FOR EACH STATEMENT EXECUTE FUNCTION test_fail_relay_commit();
        """);
}
