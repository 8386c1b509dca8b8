using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrafficOrleans.Forecasting;
using TrafficOrleans.GrainInterfaces.Grains;

namespace TrafficOrleans.Grains.Forecasting;

/// <summary>
/// Once the silo is active: registers the weekly reminder and keeps this silo's <see cref="ForecasterProvider"/> in
/// step with the registry grain by polling it every <see cref="ForecastingOptions.ChampionPollInterval"/>.
/// Polling (rather than a broadcast) also brings a silo that joins later, or missed a message, onto the champion.
/// </summary>
internal sealed partial class ForecastingStartup(
    IGrainFactory grains,
    ForecasterProvider provider,
    IOptions<ForecastingOptions> options,
    ILogger<ForecastingStartup> logger) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _polling = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ForecastingStartup), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.WeeklyRetraining)
        {
            await grains.GetGrain<ITrainingSchedulerGrain>(0).EnsureScheduledAsync();
        }

        await RefreshAsync(cancellationToken);
        _polling = PollAsync(_stopping.Token);
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _polling.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task PollAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.ChampionPollInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await RefreshAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Silo stopping.
        }
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            await provider.RefreshAsync(grains, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Keep serving the current chain; the next poll retries (e.g. artefact not yet on this silo's volume).
            LogRefreshFailed(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the forecasting champion; keeping the current model")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
