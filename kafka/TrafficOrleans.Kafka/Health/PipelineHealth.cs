using System.Collections.Concurrent;

namespace TrafficOrleans.Kafka.Health;

/// <summary>
/// What the pipeline's background loops (outbox relay and its listener, group consumers) report about their progress.
/// A loop can be alive and still make no progress — PostgreSQL down, a batch its store keeps refusing — and a liveness
/// or connectivity check would not notice; readiness reads this registry and says "degraded" while any is stuck.
/// </summary>
public sealed class PipelineHealth
{
    private readonly ConcurrentDictionary<string, string> _degraded = new(StringComparer.Ordinal);

    /// <summary>Components not making progress right now, with why.</summary>
    public IReadOnlyDictionary<string, string> DegradedComponents => new Dictionary<string, string>(_degraded, StringComparer.Ordinal);

    /// <summary>The reporting handle of one component.</summary>
    public ComponentHealth For(string component) => new(this, component);

    /// <summary><paramref name="component"/> is stuck for <paramref name="reason"/>.</summary>
    public void Degraded(string component, string reason) => _degraded[component] = reason;

    /// <summary><paramref name="component"/> makes progress again.</summary>
    public void Healthy(string component) => _degraded.TryRemove(component, out _);
}
