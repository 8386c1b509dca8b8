using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using TrafficOrleans.Push.Consumers;

namespace TrafficOrleans.Push.Hosting;

/// <summary>
/// Not ready until this silo's alert reader holds its partitions at known positions. A client that reconnects asks
/// <c>GetAlertsSince</c> for what was stored before, and relies on the live reader for everything published after; a
/// silo that accepted it while its reader was still joining would lose the alerts published in between (seen in the
/// chaos run's rolling restart, where every client landed on a silo that had just started).
/// </summary>
public sealed class AlertReaderHealthCheck(AlertBridge alerts, IOptions<PushOptions> options) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            !options.Value.Enabled ? HealthCheckResult.Healthy("push channels off on this silo")
            : alerts.Positioned.IsCompletedSuccessfully ? HealthCheckResult.Healthy("alert reader positioned")
            : HealthCheckResult.Unhealthy("alert reader is still joining its partitions"));
}
