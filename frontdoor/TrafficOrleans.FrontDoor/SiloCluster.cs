using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;

namespace TrafficOrleans.FrontDoor;

/// <summary>The proxy's one route and one cluster: every path, to whichever live silo.</summary>
public static class SiloCluster
{
    /// <summary>YARP cluster id of the silos.</summary>
    public const string ClusterId = "silos";

    /// <summary>Cookie that keeps a browser (and SignalR's negotiate + connect) on one silo while it lives.</summary>
    public const string AffinityCookie = ".TrafficOrleans.Silo";

    /// <summary>Every request path, HTTP and WebSocket upgrades alike.</summary>
    public static RouteConfig[] Routes() =>
    [
        new RouteConfig { RouteId = "all", ClusterId = ClusterId, Match = new RouteMatch { Path = "{**catch-all}" } },
    ];

    /// <summary>
    /// Round robin over the silos with cookie affinity (redistributed when the silo dies). A silo leaves the rotation
    /// when one active probe of <c>/health/ready</c> fails (503 while it warms up or lost PostgreSQL, nothing when it
    /// is dead) or when proxied requests to it fail at the transport level; it comes back with its next good probe.
    /// </summary>
    public static ClusterConfig[] Clusters(FrontDoorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var destinations = options.SiloUris()
            .Select((uri, i) => (Id: $"silo-{i + 1}", Config: new DestinationConfig { Address = uri.ToString(), Health = uri.ToString() }))
            .ToDictionary(d => d.Id, d => d.Config, StringComparer.Ordinal);
        return
        [
            new ClusterConfig
            {
                ClusterId = ClusterId,
                LoadBalancingPolicy = Yarp.ReverseProxy.LoadBalancing.LoadBalancingPolicies.RoundRobin,
                SessionAffinity = new SessionAffinityConfig
                {
                    Enabled = true,
                    AffinityKeyName = AffinityCookie,
                    FailurePolicy = "Redistribute",
                },
                HealthCheck = new HealthCheckConfig
                {
                    Active = new ActiveHealthCheckConfig
                    {
                        Enabled = true,
                        Interval = options.HealthInterval,
                        Timeout = options.HealthTimeout,
                        Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                        Path = "/health/ready",
                    },
                    Passive = new PassiveHealthCheckConfig
                    {
                        Enabled = true,
                        Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate,
                        ReactivationPeriod = options.ReactivationPeriod,
                    },
                    AvailableDestinationsPolicy = HealthCheckConstants.AvailableDestinations.HealthyOrPanic,
                },
                // One failed probe is enough: a killed silo refuses connections at once, so there is nothing to smooth.
                Metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["ConsecutiveFailuresHealthPolicy.Threshold"] = "1" },
                Destinations = destinations,
            },
        ];
    }
}
