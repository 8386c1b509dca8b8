using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrafficOrleans.GrainInterfaces.Grains;
using TrafficOrleans.Routing;
using TrafficOrleans.Routing.Weights;

namespace TrafficOrleans.Silo.Routing;

/// <summary>
/// Keeps this silo's <see cref="RoutingSnapshotReplica"/> current: asks the routing grain every
/// <see cref="RoutingOptions.ReplicaPollInterval"/> whether its version changed (an interleaved call that returns
/// nothing when it did not), and recomputes the search landmarks on the current weights every
/// <see cref="RoutingOptions.LandmarkRefreshInterval"/> off the query path.
/// </summary>
public sealed partial class RoutingSnapshotSync(
    IGrainFactory grains,
    RoutingNetwork network,
    RoutingSnapshotReplica replica,
    IOptions<RoutingOptions> options,
    TimeProvider clock,
    ILogger<RoutingSnapshotSync> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(PollAsync(stoppingToken), RefreshLandmarksAsync(stoppingToken));

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        var grain = grains.GetGrain<IRoutingGrain>(options.Value.City);
        using var timer = new PeriodicTimer(options.Value.ReplicaPollInterval, clock);
        var failing = false;
        do
        {
            try
            {
                var payload = await grain.GetSnapshotIfChangedAsync(replica.Current.Version);
                if (payload is not null)
                {
                    replica.Install(WeightsSnapshotSerializer.Deserialize(payload.Bytes, network));
                    LogInstalled(logger, payload.GraphVersion);
                }

                failing = false;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Keep serving the weights we have; log once per outage, not every poll.
                if (!failing) LogPollFailed(logger, ex);
                failing = true;
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private async Task RefreshLandmarksAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.LandmarkRefreshInterval, clock);
        while (await WaitAsync(timer, stoppingToken))
        {
            var basis = replica.Current;
            var refreshed = await Task.Run(basis.WithRefreshedLandmarks, stoppingToken);
            replica.InstallLandmarks(refreshed);
            LogLandmarksRefreshed(logger, basis.Version);
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Routing replica now at graph version {Version}")]
    private static partial void LogInstalled(ILogger logger, string version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Routing landmarks refreshed on graph version {Version}")]
    private static partial void LogLandmarksRefreshed(ILogger logger, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Routing replica cannot reach the routing grain; serving the last weights it has")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
