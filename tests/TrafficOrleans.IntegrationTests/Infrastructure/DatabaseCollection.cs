namespace TrafficOrleans.IntegrationTests.Infrastructure;

/// <summary>Tests that share one migrated database; run one after another (they start silos on this 2-core machine).</summary>
[CollectionDefinition(Name)]
public sealed class DatabaseCollection : ICollectionFixture<DatabaseFixture>
{
    public const string Name = "database";
}
