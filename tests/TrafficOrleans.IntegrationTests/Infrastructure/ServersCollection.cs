namespace TrafficOrleans.IntegrationTests.Infrastructure;

/// <summary>Tests that share the run's servers; run one after another (they start silos on this 2-core machine).</summary>
[CollectionDefinition(Name)]
public sealed class ServersCollection : ICollectionFixture<ServersFixture>
{
    public const string Name = "servers";
}
