namespace TrafficOrleans.Ingest.IntegrationTests.Infrastructure;

/// <summary>Tests that share one migrated database; they run one after another and each starts from empty tables.</summary>
[CollectionDefinition(Name)]
public sealed class IngestCollection : ICollectionFixture<ServersFixture>
{
    public const string Name = "ingest-database";
}
