namespace TrafficOrleans.Kafka.Health;

/// <summary>One component's reports into the <see cref="PipelineHealth"/> registry.</summary>
public sealed class ComponentHealth(PipelineHealth registry, string component)
{
    /// <summary>Name shown in the readiness report.</summary>
    public string Component { get; } = component;

    /// <summary>The component is stuck for <paramref name="reason"/>.</summary>
    public void Degraded(string reason) => registry.Degraded(Component, reason);

    /// <summary>The component makes progress again.</summary>
    public void Healthy() => registry.Healthy(Component);
}
