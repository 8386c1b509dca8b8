using Npgsql;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using TrafficOrleans.IntegrationTests.Infrastructure;
using TrafficOrleans.Storage.Leadership;

namespace TrafficOrleans.Cluster.IntegrationTests;

/// <summary>The PostgreSQL lease behind the once-per-cluster services, on the real server.</summary>
public sealed class LeaderLeaseTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Only_one_holder_runs_the_service_and_another_takes_over_when_it_stops()
    {
        var name = $"lease-test/{Guid.NewGuid():N}";
        var first = new CountingService();
        var second = new CountingService();
        using var a = Lead(first, name);
        using var b = Lead(second, name);
        await a.StartAsync(CancellationToken.None);
        await Eventually.WaitForAsync(() => Task.FromResult(first.Running), running => running, Deadline, "the first silo to lead");
        await b.StartAsync(CancellationToken.None);
        await Task.Delay(LeaderOnlyHostedService.RetryInterval * 3);
        Assert.False(second.Running);

        await a.StopAsync(CancellationToken.None);

        Assert.False(first.Running);
        await Eventually.WaitForAsync(() => Task.FromResult(second.Running), running => running, Deadline, "the second silo to take over");
        Assert.Equal(1, second.Starts);
        await b.StopAsync(CancellationToken.None);
        Assert.False(second.Running);
    }

    [Fact]
    public async Task A_standby_trying_for_the_lease_is_never_listed_as_its_holder()
    {
        // cluster.sh status, chaos.sh and ProcessCluster name the leader from pg_stat_activity's application_name.
        var name = $"lease-test/{Guid.NewGuid():N}";
        var holder = new PostgresLeaderLease(TestServers.Postgres, name, NullLogger<PostgresLeaderLease>.Instance);
        var standby = new PostgresLeaderLease(TestServers.Postgres, name, NullLogger<PostgresLeaderLease>.Instance);
        await using var held = await holder.AcquireAsync(TimeSpan.FromMilliseconds(10), CancellationToken.None);
        using var stop = new CancellationTokenSource();
        var trying = Task.Run(async () =>
        {
            try { await standby.AcquireAsync(TimeSpan.Zero, stop.Token); }
            catch (OperationCanceledException) { }
        });

        var maxListed = 0L;
        var sawAttempt = false;
        for (var i = 0; i < 400 && !(sawAttempt && i > 100); i++)
        {
            maxListed = Math.Max(maxListed, await CountSessionsAsync($"leader:{name}:%"));
            sawAttempt |= await CountSessionsAsync($"%:{name}:%") > 1;
        }

        await stop.CancelAsync();
        await trying;
        Assert.True(sawAttempt, "the standby's attempts were never seen in pg_stat_activity: the test proved nothing");
        Assert.Equal(1L, maxListed);
    }

    private static async Task<long> CountSessionsAsync(string applicationName)
    {
        await using var connection = new NpgsqlConnection(TestServers.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE $1", connection);
        command.Parameters.AddWithValue(applicationName);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static LeaderOnlyHostedService Lead(IHostedService inner, string name) => new(
        inner,
        new PostgresLeaderLease(TestServers.Postgres, name, NullLogger<PostgresLeaderLease>.Instance),
        NullLogger<LeaderOnlyHostedService>.Instance);

    private sealed class CountingService : IHostedService
    {
        private int _running;
        private int _starts;

        public bool Running => Volatile.Read(ref _running) == 1;

        public int Starts => Volatile.Read(ref _starts);

        public Task StartAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _starts);
            Volatile.Write(ref _running, 1);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            Volatile.Write(ref _running, 0);
            return Task.CompletedTask;
        }
    }
}
