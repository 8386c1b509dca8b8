using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace TrafficOrleans.Silo.Hosting;

/// <summary>
/// The first thing a stopping silo does: report not ready and keep serving for <see cref="ShutdownDrainOptions.Delay"/>,
/// so a load balancer (the front door's probe every second, a Kubernetes readiness probe) takes the silo out while it
/// still answers, instead of learning it from refused connections (the 502s of a rolling restart). Runs in
/// <see cref="StoppingAsync"/>, which the host calls on every lifecycle service before it stops any service, so the
/// web server, the silo and the pipeline are all still running during the delay.
/// </summary>
public sealed partial class ShutdownDrain(IOptions<ShutdownDrainOptions> options, ILogger<ShutdownDrain> logger) : IHostedLifecycleService, IHealthCheck
{
    private volatile bool _draining;

    /// <inheritdoc />
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _draining = true;
        var delay = options.Value.Delay;
        if (delay <= TimeSpan.Zero) return;
        LogDraining(logger, delay.TotalSeconds);
        try
        {
            await Task.Delay(delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The host's shutdown deadline passed first: stop now rather than not at all.
        }
    }

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_draining ? HealthCheckResult.Unhealthy("stopping: draining before shutdown") : HealthCheckResult.Healthy());

    /// <inheritdoc />
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: reporting not ready and serving for {Seconds} s more so load balancers take this silo out first")]
    private static partial void LogDraining(ILogger logger, double seconds);
}
