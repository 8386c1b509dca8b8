namespace TrafficOrleans.Silo.Hosting;

/// <summary>Settings of <see cref="ShutdownDrain"/> (section <c>Host</c>).</summary>
public sealed class ShutdownDrainOptions
{
    /// <summary>
    /// How long a stopping silo keeps serving while it reports not ready (<c>Host:DrainDelay</c>). 0 (the default)
    /// for a single silo, which has nobody to hand its traffic to; in a cluster, longer than the load balancer needs
    /// to notice: the front door probes every second (<c>scripts/cluster.sh</c> sets 3 s), a Kubernetes readiness
    /// probe every 5 s and the endpoints take a moment more (deploy/ sets 10 s).
    /// </summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;
}
