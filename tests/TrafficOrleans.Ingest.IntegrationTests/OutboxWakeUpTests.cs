using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using TrafficOrleans.Kafka.Topics;
using TrafficOrleans.Ingest.IntegrationTests.Infrastructure;
using TrafficOrleans.Outbox;
using TrafficOrleans.IntegrationTests.Infrastructure;
using TrafficOrleans.Kafka.Health;

namespace TrafficOrleans.Ingest.IntegrationTests;

/// <summary>
/// The relay is woken by commits of other processes (PostgreSQL NOTIFY) and by PostgreSQL coming back, not by its
/// poll interval or the end of its backoff: both are configured far longer than the deadlines waited for here.
/// </summary>
[Collection(IngestCollection.Name)]
public sealed class OutboxWakeUpTests(ServersFixture database) : IAsyncLifetime
{
    private static readonly DateTimeOffset Tick = new(2025, 10, 15, 10, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Setup = TimeSpan.FromSeconds(30);

    public Task InitializeAsync() => database.ResetAsync();

    public async Task DisposeAsync()
    {
        await AllowConnectionsAsync(true);
        // The outage test terminated this database's sessions: forget pooled connections the server closed.
        database.DataSource.Clear();
    }

    [Fact]
    public async Task A_commit_from_another_connection_wakes_an_idle_relay()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        using var host = await RelayHost.StartAsync(database.Postgres, broker.BootstrapServers, new Dictionary<string, string?>
        {
            ["Outbox:IdleDelay"] = "00:10:00",
        });
        await Eventually.WaitForAsync(ListeningSessionsAsync, n => n == 1, Setup, "the relay's LISTEN connection");

        // Written through the fixture's own pool and signal, as another silo would: only NOTIFY reaches the relay.
        var batch = await Pipeline.Simulator().PollAsync(Tick, CancellationToken.None);
        await Pipeline.Writer(database.DataSource).WriteAsync(batch, CancellationToken.None);

        await Eventually.WaitForAsync(UnsentAsync, n => n == 0, Prompt, "the idle relay to publish rows committed elsewhere");
        Assert.Equal(batch.Readings.Count, TopicReader.Read(broker.BootstrapServers, KafkaTopicsOptions.DefaultRawReadings, batch.Readings.Count + 1, TimeSpan.FromSeconds(2)).Count);
        await host.StopAsync();
    }

    [Fact]
    public async Task Relay_resumes_promptly_when_PostgreSQL_returns_and_reports_degraded_during_the_outage()
    {
        await using var broker = await EmbeddedBroker.StartAsync();
        using var host = await RelayHost.StartAsync(database.Postgres, broker.BootstrapServers, new Dictionary<string, string?>
        {
            ["Outbox:IdleDelay"] = "00:00:00.100",
            ["Outbox:InitialBackoff"] = "00:00:30",
            ["Outbox:MaxBackoff"] = "00:01:00",
            ["Outbox:ListenerProbeInterval"] = "00:00:00.200",
        });
        var health = host.Services.GetRequiredService<PipelineHealth>();

        await AllowConnectionsAsync(false);
        await TerminateSessionsAsync();
        // The relay and its LISTEN connection notice the outage independently (a failing round, a failed probe): wait for both.
        var degraded = await Eventually.WaitForAsync(
            () => Task.FromResult(health.DegradedComponents),
            d => d.ContainsKey(OutboxRelayService.HealthComponent) && d.ContainsKey(OutboxListener.HealthComponent),
            Setup,
            "the relay and its listener to report the outage");
        Assert.Contains(OutboxListener.HealthComponent, degraded.Keys);

        await AllowConnectionsAsync(true);
        var batch = await Pipeline.Simulator().PollAsync(Tick, CancellationToken.None);
        await using (var writerPool = NpgsqlDataSource.Create(database.Postgres))
        {
            await Pipeline.Writer(writerPool).WriteAsync(batch, CancellationToken.None);
        }

        // The first backoff alone is 24–36 s: only the listener's reconnect explains a publish within the deadline.
        await Eventually.WaitForAsync(UnsentAsync, n => n == 0, Prompt, "the relay to resume after PostgreSQL returned");
        await Eventually.WaitForAsync(() => Task.FromResult(health.DegradedComponents.Count), n => n == 0, Prompt, "the pipeline to report healthy again");
        Assert.Equal(batch.Readings.Count, TopicReader.Read(broker.BootstrapServers, KafkaTopicsOptions.DefaultRawReadings, batch.Readings.Count + 1, TimeSpan.FromSeconds(2)).Count);
        await host.StopAsync();
    }

    private async Task<long> UnsentAsync()
    {
        await using var pool = NpgsqlDataSource.Create(database.Postgres);
        await using var command = pool.CreateCommand("SELECT count(*) FROM outbox WHERE sent_at IS NULL");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<long> ListeningSessionsAsync() => await AdminScalarAsync(
        $"SELECT count(*) FROM pg_stat_activity WHERE datname = '{DatabaseName}' AND query = 'LISTEN {OutboxListener.Channel}'");

    // An outage of this test's database only; the shared server keeps serving everyone else.
    private Task<long> AllowConnectionsAsync(bool allow) => AdminScalarAsync($"ALTER DATABASE {DatabaseName} ALLOW_CONNECTIONS {(allow ? "true" : "false")}");

    private Task<long> TerminateSessionsAsync() => AdminScalarAsync(
        $"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '{DatabaseName}' AND pid <> pg_backend_pid()");

    private string DatabaseName => new NpgsqlConnectionStringBuilder(database.Postgres).Database!;

    private static async Task<long> AdminScalarAsync(string sql)
    {
        await using var admin = new NpgsqlConnection(ServersFixture.ServerConnectionString);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin);
        return await command.ExecuteScalarAsync() is long value ? value : 0;
    }
}
