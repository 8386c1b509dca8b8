using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TrafficOrleans.Storage.Leadership;

/// <summary>
/// Runs a hosted service on one silo of the cluster at a time: the one holding the <see cref="PostgresLeaderLease"/>.
/// The others stand by and take over within about <see cref="RetryInterval"/> of the leader's session ending. The
/// inner service is started when leadership is won and stopped (with its own shutdown semantics, e.g. the outbox
/// relay finishing its round) before the lock is released, so two silos never run it at once.
/// </summary>
public sealed partial class LeaderOnlyHostedService(IHostedService inner, PostgresLeaderLease lease, ILogger<LeaderOnlyHostedService> logger)
    : IHostedService, IDisposable
{
    private static readonly TimeSpan StopOnLossTimeout = TimeSpan.FromSeconds(30);
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _transition = new(1, 1);
    private Task _loop = Task.CompletedTask;
    private bool _innerRunning;
    private Npgsql.NpgsqlConnection? _held;

    /// <summary>How often a standing-by silo tries for the lock.</summary>
    public static TimeSpan RetryInterval { get; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the leader checks that its lock session still answers.</summary>
    public static TimeSpan ProbeInterval { get; } = TimeSpan.FromSeconds(1);

    /// <summary>True while this silo runs the inner service.</summary>
    public bool IsLeader => Volatile.Read(ref _innerRunning);

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(() => LeadAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await _loop.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The loop ends by cancellation; the host's deadline passing ends the wait too.
        }

        // cancellationToken is the host's deadline: the inner service decides what to do with it.
        await StopInnerAsync(cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // The inner service belongs to the container, which disposes it.
        _stopping.Dispose();
        _transition.Dispose();
    }

    private async Task LeadAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var connection = await lease.AcquireAsync(RetryInterval, stoppingToken);
            _held = connection;
            try
            {
                await StartInnerAsync(stoppingToken);
                await lease.WatchAsync(connection, ProbeInterval, stoppingToken);
                using var timeout = new CancellationTokenSource(StopOnLossTimeout);
                await StopInnerAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Host stopping: StopAsync stops the inner service with the host's deadline, then the lock goes.
                return;
            }
#pragma warning disable CA1031 // A failure to start the inner service must not end leadership attempts for the life of the host.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(logger, ex, lease.Name);
                using var timeout = new CancellationTokenSource(StopOnLossTimeout);
                await StopInnerAsync(timeout.Token);
                await Task.Delay(RetryInterval, stoppingToken);
            }
        }
    }

    private async Task StartInnerAsync(CancellationToken cancellationToken)
    {
        await _transition.WaitAsync(cancellationToken);
        try
        {
            await inner.StartAsync(cancellationToken);
            Volatile.Write(ref _innerRunning, true);
        }
        finally
        {
            _transition.Release();
        }
    }

    private async Task StopInnerAsync(CancellationToken cancellationToken)
    {
        await _transition.WaitAsync(CancellationToken.None);
        try
        {
            if (_innerRunning)
            {
                await inner.StopAsync(cancellationToken);
                Volatile.Write(ref _innerRunning, false);
            }

            // Only now may another silo take over: the lock is released with its session.
            if (_held is not null)
            {
                await _held.DisposeAsync();
                _held = null;
            }
        }
        finally
        {
            _transition.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Running {Lease} as leader failed; giving the leadership up and trying again")]
    private static partial void LogFailed(ILogger logger, Exception exception, string lease);
}
