using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Npgsql;
using TrafficOrleans.Kafka.Topics;
using TrafficOrleans.Ingest;
using TrafficOrleans.Ingest.Hosting;
using TrafficOrleans.Outbox;
using TrafficOrleans.IntegrationTests.Infrastructure;
using TrafficOrleans.Silo.Hosting;

namespace TrafficOrleans.IntegrationTests.Hosting;

/// <summary>
/// A host composed like the silo (embedded broker registered first, then the outbox relay) is stopped — what SIGTERM
/// does — while the relay has a batch delivered to Kafka but not yet marked sent, then started again.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class GracefulShutdownTests(ServersFixture servers) : IAsyncLifetime
{
    // Held by the test; the trigger below takes it (shared) before a relay round can record where it ended, its last
    // statement after Kafka acknowledged the batch and before the commit that makes the rows sent.
    private const long HoldKey = 1_397_904_724;
    private const int Readings = 772;
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"shutdown-broker-{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        await ExecuteAsync("TRUNCATE outbox");
        // Finishing a round waits for the test's lock: the relay's round stays "delivered, not yet committed" until released.
        await ExecuteAsync("""
            CREATE OR REPLACE FUNCTION test_hold_relay_commit() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN PERFORM pg_advisory_xact_lock_shared(1397904724); RETURN NULL; END $$;
            CREATE TRIGGER test_hold_relay_commit BEFORE INSERT OR UPDATE ON outbox_positions FOR EACH STATEMENT EXECUTE FUNCTION test_hold_relay_commit();
            """);
    }

    public async Task DisposeAsync()
    {
        await ExecuteAsync("DROP TRIGGER IF EXISTS test_hold_relay_commit ON outbox_positions; TRUNCATE outbox");
        if (Directory.Exists(_dataDirectory)) Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task Stopping_with_a_batch_in_flight_then_restarting_publishes_each_reading_exactly_once()
    {
        var eventIds = await WriteOutboxAsync();
        var port = TestServers.FreePort();

        await using (var hold = await servers.DataSource.OpenConnectionAsync())
        {
            await ExecuteAsync(hold, $"SELECT pg_advisory_lock({HoldKey})");
            using var first = await StartHostAsync(port);
            await Eventually.WaitForAsync(RelayWaitingToMarkAsync, waiting => waiting == 1, TimeSpan.FromSeconds(30), "the relay to deliver its batch and wait to mark it");

            var stopping = first.StopAsync();
            var logs = first.Services.GetRequiredService<FakeLogCollector>();
            await Eventually.WaitForAsync(
                () => Task.FromResult(stopping.IsCompleted || logs.GetSnapshot().Any(r => r.Message.Contains("in-flight batch", StringComparison.Ordinal))),
                stoppedOrFinishing => stoppedOrFinishing, TimeSpan.FromSeconds(30), "the relay to stop or announce it finishes its batch");
            await ExecuteAsync(hold, $"SELECT pg_advisory_unlock({HoldKey})");
            await stopping;
        }

        Assert.Equal(0L, await servers.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE sent_at IS NULL"));

        using var second = await StartHostAsync(port);
        var bootstrap = $"127.0.0.1:{port}";
        // After the restart the relay publishes whatever the first run left unsent (nothing, when it drained).
        await Eventually.WaitForAsync(() => servers.ScalarAsync<long>("SELECT count(*) FROM outbox WHERE sent_at IS NULL"), n => n == 0, TimeSpan.FromSeconds(30), "the restarted relay to catch up");
        var onTopic = KafkaTestClient.EndOffsets(bootstrap, KafkaTopicsOptions.DefaultRawReadings, ServersFixture.KafkaPartitions).Sum();
        var published = KafkaTestClient.ReadUntil(bootstrap, KafkaTopicsOptions.DefaultRawReadings, read => read.Count >= onTopic, TimeSpan.FromSeconds(30))
            .Select(m => JsonDocument.Parse(m.Message.Value!).RootElement.GetProperty("event_id").GetGuid())
            .ToList();
        await second.StopAsync();

        Assert.Equal(Readings, onTopic);
        Assert.Equal(eventIds.Order(), published.Order());
    }

    private async Task<IHost> StartHostAsync(int port)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(servers.Settings("shutdown-test"));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = $"127.0.0.1:{port}",
            ["Kafka:EmbeddedBroker:Enabled"] = "true",
            ["Kafka:EmbeddedBroker:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Kafka:EmbeddedBroker:DataDirectory"] = _dataDirectory,
            ["Kafka:Producer:DeliveryTimeout"] = "00:00:10",
        });
        builder.Logging.AddFakeLogging();
        // The silo's order: broker first (stops last), then the relay (stops before it).
        builder.AddEmbeddedKafkaBroker();
        builder.AddGracefulShutdown();
        builder.AddTrafficIngestion();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private async Task<List<Guid>> WriteOutboxAsync()
    {
        var ids = Enumerable.Range(0, Readings).Select(_ => Guid.NewGuid()).ToList();
        var messages = ids.Select((id, i) => new OutboxMessage(
            KafkaTopicsOptions.DefaultRawReadings, $"road-{i}", Encoding.UTF8.GetBytes($$"""{"event_id":"{{id}}"}"""))).ToList();
        await using var connection = await servers.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await OutboxWriter.WriteAsync(connection, transaction, messages, CancellationToken.None);
        await transaction.CommitAsync();
        return ids;
    }

    private Task<long> RelayWaitingToMarkAsync() => servers.ScalarAsync<long>(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'");

    private async Task ExecuteAsync(string sql)
    {
        await using var command = servers.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
