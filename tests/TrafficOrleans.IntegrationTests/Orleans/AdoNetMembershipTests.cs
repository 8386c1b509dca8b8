using Orleans.TestingHost;
using TrafficOrleans.IntegrationTests.Infrastructure;

namespace TrafficOrleans.IntegrationTests.Orleans;

/// <summary>The Cluster profile's membership: two silos agree through the project's SQL on PostgreSQL.</summary>
[Collection(ServersCollection.Name)]
public sealed class AdoNetMembershipTests(ServersFixture database)
{
    private const int Active = 3;
    private const int Dead = 6;

    [Fact]
    public async Task Two_silos_join_through_PostgreSQL_and_a_stopped_silo_is_marked_dead()
    {
        await using var cluster = await TestClusters.StartAsync(database, silos: 2, adoNetMembership: true);
        var deployment = cluster.Options.ClusterId;

        var active = await Eventually.WaitForAsync(
            () => database.ScalarAsync<long>("SELECT count(*) FROM orleans_membership WHERE deployment_id = $1 AND status = $2", deployment, Active),
            count => count == 2, TimeSpan.FromSeconds(30), "two active silos in orleans_membership");
        Assert.Equal(2, active);
        var hosts = await cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        Assert.Equal(2, hosts.Count);
        var version = await database.ScalarAsync<int>("SELECT version FROM orleans_membership_version WHERE deployment_id = $1", deployment);
        Assert.True(version >= 2, $"each join bumps the table version, got {version}");

        var secondary = cluster.SecondarySilos[0];
        await cluster.StopSiloAsync(secondary);

        await Eventually.WaitForAsync(
            () => database.ScalarAsync<long>("SELECT count(*) FROM orleans_membership WHERE deployment_id = $1 AND status = $2", deployment, Dead),
            count => count == 1, TimeSpan.FromSeconds(60), "the stopped silo to be marked dead");
        var stillActive = await database.ScalarAsync<long>(
            "SELECT count(*) FROM orleans_membership WHERE deployment_id = $1 AND status = $2", deployment, Active);
        Assert.Equal(1, stillActive);
    }
}
