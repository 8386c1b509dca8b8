using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TrafficOrleans.Silo.Hosting;

/// <summary>Ready when this silo is an active member of the cluster (asks the management grain).</summary>
public sealed class SiloHealthCheck(IGrainFactory grainFactory) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = await grainFactory.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true, cancellationToken).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s)")
                : HealthCheckResult.Unhealthy("No active silo in the cluster");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The silo does not answer", ex);
        }
    }
}
