using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using TrafficOrleans.Silo.Hosting;
using TrafficOrleans.Storage.Hosting;

namespace TrafficOrleans.IntegrationTests.Orleans;

/// <summary>
/// Uses the Cluster profile's ADO.NET membership on PostgreSQL instead of the test cluster's in-memory
/// one, for silos and for the test's client (which finds gateways through the same table).
/// </summary>
public sealed class AdoNetMembershipConfigurator : ISiloConfigurator, IClientBuilderConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) =>
        siloBuilder.UseAdoNetClustering(o =>
        {
            o.Invariant = OrleansHostingExtensions.PostgresInvariant;
            o.ConnectionString = StorageConnectionStrings.Postgres(siloBuilder.Configuration);
        });

    public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
        clientBuilder.UseAdoNetClustering(o =>
        {
            o.Invariant = OrleansHostingExtensions.PostgresInvariant;
            o.ConnectionString = StorageConnectionStrings.Postgres(configuration);
        });
}
