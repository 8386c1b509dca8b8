using System.Text.Json;
using TrafficOrleans.Kafka.Topics;
using TrafficOrleans.Ingest.IntegrationTests.Infrastructure;
using TrafficOrleans.Outbox;

namespace TrafficOrleans.Ingest.IntegrationTests;

/// <summary>Kills the real `traffic` program between the PostgreSQL commit and the Kafka publish, then restarts it.</summary>
[Collection(IngestCollection.Name)]
public sealed class CrashRecoveryTests(ServersFixture database) : IAsyncLifetime
{
    private const string Tick = "2025-10-15T01:30:00Z";

    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_crash_between_commit_and_publish_loses_nothing_and_stores_nothing_twice()
    {
        await using var broker = await EmbeddedBroker.StartAsync();

        var crashed = await TrafficCli.RunAsync(database.Postgres, broker.BootstrapServers, fault: "crash-after-db-commit", "ingest", "once", "--at", Tick);

        Assert.NotEqual(0, crashed.ExitCode);
        Assert.Contains("crash-after-db-commit", crashed.Output, StringComparison.Ordinal);
        var stored = await database.CountAsync("SELECT count(*) FROM traffic_data");
        Assert.True(stored > 0, crashed.Output);
        Assert.Equal(stored, await database.CountAsync("SELECT count(*) FROM outbox WHERE sent_at IS NULL"));

        var restarted = await TrafficCli.RunAsync(database.Postgres, broker.BootstrapServers, fault: null, "ingest", "once", "--at", Tick);

        Assert.True(restarted.ExitCode == 0, restarted.Output);
        Assert.Equal(stored, await database.CountAsync("SELECT count(*) FROM traffic_data"));
        Assert.Equal(stored, await database.CountAsync("SELECT count(DISTINCT (road_id, \"timestamp\")) FROM traffic_data"));
        Assert.Equal(0, await database.CountAsync("SELECT count(*) FROM outbox WHERE sent_at IS NULL"));

        var storedIds = new HashSet<string>();
        await using (var command = database.DataSource.CreateCommand("SELECT event_id::text FROM traffic_data"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) storedIds.Add(reader.GetString(0));
        }

        var published = TopicReader.Read(broker.BootstrapServers, KafkaTopicsOptions.DefaultRawReadings, (int)stored, TimeSpan.FromSeconds(30));
        var publishedIds = published.Select(m => JsonDocument.Parse(m.Message.Value).RootElement.GetProperty("event_id").GetString()!).ToHashSet();
        // At least once, same event_id: every stored reading is on the topic (a re-send would repeat an id, never add one).
        Assert.Equal(storedIds, publishedIds);
    }
}
