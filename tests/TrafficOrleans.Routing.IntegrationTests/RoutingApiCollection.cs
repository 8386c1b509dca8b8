namespace TrafficOrleans.Routing.IntegrationTests;

/// <summary>Endpoint tests sharing one silo host.</summary>
[CollectionDefinition(Name)]
public sealed class RoutingApiCollection : ICollectionFixture<RoutingApiFixture>
{
    public const string Name = "routing-api";
}
