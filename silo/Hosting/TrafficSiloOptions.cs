using System.ComponentModel.DataAnnotations;

namespace TrafficOrleans.Silo.Hosting;

/// <summary>The <c>Orleans</c> configuration section.</summary>
public sealed class TrafficSiloOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Orleans";

    /// <summary><c>Local</c> (default) or <c>Cluster</c>.</summary>
    public OrleansProfile Profile { get; set; } = OrleansProfile.Local;

    /// <summary>Cluster id: silos with the same id form one cluster.</summary>
    [Required] public string ClusterId { get; set; } = "traffic-orleans";

    /// <summary>Service id: the identity of grain state and reminders; keep it stable across deployments.</summary>
    [Required] public string ServiceId { get; set; } = "traffic-orleans";

    /// <summary>Silo-to-silo port.</summary>
    [Range(1, 65535)] public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port.</summary>
    [Range(1, 65535)] public int GatewayPort { get; set; } = 30000;

    /// <summary>Address other silos reach this one at (Cluster profile); defaults to the pod/host IP from <c>POD_IP</c>.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>
    /// Kubernetes hosting (Cluster profile): silo name, address and cluster ids come from the pod (<c>POD_NAME</c>,
    /// <c>POD_IP</c>, <c>ORLEANS_SERVICE_ID</c>, <c>ORLEANS_CLUSTER_ID</c>), and silos whose pod is gone are declared
    /// dead at once instead of after the membership probes time out. <c>null</c> (default): on when the process runs
    /// in a pod (<c>KUBERNETES_SERVICE_HOST</c> and <c>POD_NAMESPACE</c> set).
    /// </summary>
    public bool? Kubernetes { get; set; }

    /// <summary>Whether Kubernetes hosting applies to this process (see <see cref="Kubernetes"/>).</summary>
    public bool UsesKubernetesHosting(Func<string, string?> environment) =>
        Profile == OrleansProfile.Cluster
        && (Kubernetes ?? (!string.IsNullOrEmpty(environment("KUBERNETES_SERVICE_HOST")) && !string.IsNullOrEmpty(environment("POD_NAMESPACE"))));
}
