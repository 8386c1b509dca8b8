using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TrafficOrleans.Silo.Hosting;

/// <summary>Not ready until <see cref="WarmupService"/> has primed the hot paths, so a load balancer sends no cold requests.</summary>
public sealed class WarmupHealthCheck(WarmupService warmup) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(warmup.Completed ? HealthCheckResult.Healthy("warm") : HealthCheckResult.Unhealthy("warming up"));
}
