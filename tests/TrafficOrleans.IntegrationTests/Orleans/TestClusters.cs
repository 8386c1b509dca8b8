using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using TrafficOrleans.IntegrationTests.Infrastructure;

namespace TrafficOrleans.IntegrationTests.Orleans;

/// <summary>Builds in-process Orleans test clusters wired to the run's real PostgreSQL and Redis.</summary>
public static class TestClusters
{
    public static async Task<TestCluster> StartAsync(
        ServersFixture database, short silos = 1, bool adoNetMembership = false, KafkaBroker.KafkaBroker? broker = null, string? serviceId = null,
        Action<TestClusterBuilder>? configure = null)
    {
        serviceId ??= $"it-{Guid.NewGuid():N}"[..16];
        var builder = new TestClusterBuilder(silos);
        builder.Options.ServiceId = serviceId;
        builder.Options.ClusterId = serviceId;
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(database.Settings(serviceId, broker)));
        builder.AddSiloBuilderConfigurator<TrafficSiloConfigurator>();
        if (adoNetMembership)
        {
            builder.Options.UseTestClusterMembership = false;
            builder.AddSiloBuilderConfigurator<AdoNetMembershipConfigurator>();
            builder.AddClientBuilderConfigurator<AdoNetMembershipConfigurator>();
        }

        configure?.Invoke(builder);
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
