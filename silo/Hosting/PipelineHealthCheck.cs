using Microsoft.Extensions.Diagnostics.HealthChecks;
using TrafficOrleans.Kafka.Health;

namespace TrafficOrleans.Silo.Hosting;

/// <summary>
/// Degraded while a pipeline loop reports it makes no progress (outbox relay backing off, its PostgreSQL listener
/// disconnected, a consumer whose batch is not stored). Degraded, not unhealthy: the API still answers from what it
/// has, so a load balancer should keep the silo, while an operator sees the pipeline is stalled and why.
/// </summary>
public sealed class PipelineHealthCheck(PipelineHealth health) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var degraded = health.DegradedComponents;
        return Task.FromResult(degraded.Count == 0
            ? HealthCheckResult.Healthy("outbox relay and consumers are making progress")
            : HealthCheckResult.Degraded(
                string.Join("; ", degraded.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {c.Value}")),
                data: degraded.ToDictionary(c => c.Key, c => (object)c.Value, StringComparer.Ordinal)));
    }
}
