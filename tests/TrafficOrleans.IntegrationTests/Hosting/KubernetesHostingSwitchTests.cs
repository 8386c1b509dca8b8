using TrafficOrleans.Silo.Hosting;

namespace TrafficOrleans.IntegrationTests.Hosting;

/// <summary>When a silo uses Orleans' Kubernetes hosting: only clustered, and by default only inside a pod.</summary>
public sealed class KubernetesHostingSwitchTests
{
    private static readonly Dictionary<string, string?> InPod = new() { ["KUBERNETES_SERVICE_HOST"] = "10.0.0.1", ["POD_NAMESPACE"] = "traffic" };
    private static readonly Dictionary<string, string?> OnAMachine = [];

    [Theory]
    [InlineData(OrleansProfile.Cluster, null, true, true)]
    [InlineData(OrleansProfile.Cluster, null, false, false)]
    [InlineData(OrleansProfile.Cluster, false, true, false)]
    [InlineData(OrleansProfile.Cluster, true, false, true)]
    [InlineData(OrleansProfile.Local, null, true, false)]
    [InlineData(OrleansProfile.Local, true, true, false)]
    public void Kubernetes_hosting_follows_the_profile_the_setting_and_the_pod(OrleansProfile profile, bool? setting, bool inPod, bool expected)
    {
        var options = new TrafficSiloOptions { Profile = profile, Kubernetes = setting };
        var environment = inPod ? InPod : OnAMachine;

        Assert.Equal(expected, options.UsesKubernetesHosting(name => environment.GetValueOrDefault(name)));
    }
}
