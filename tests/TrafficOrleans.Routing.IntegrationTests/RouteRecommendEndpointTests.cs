using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TrafficOrleans.GrainInterfaces.Grains;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.Silo.Routing;
using TrafficOrleans.IntegrationTests.Infrastructure;
using TrafficOrleans.Roads.Synthetic;

namespace TrafficOrleans.Routing.IntegrationTests;

/// <summary><c>POST /route/recommend</c> on the real host: answers, problem details and the version-keyed cache.</summary>
[Collection(RoutingApiCollection.Name)]
public sealed class RouteRecommendEndpointTests(RoutingApiFixture fixture)
{
    // The routing grain's key and the Redis snapshot key both come from Routing:City (default here).
    private static readonly string City = new RoutingOptions().City;

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Graph_is_the_configured_synthetic_city_and_routes_on_it()
    {
        var network = fixture.Host.Services.GetRequiredService<RoutingNetwork>();
        var city = SyntheticCity.Generate(new SyntheticCityOptions { GridSize = 9, BlockMeters = 600 });
        Assert.Equal(city.Count, network.Graph.RoadCount);
        Assert.Equal(81, network.RoutableNodeCount);

        var body = await RouteRequests.RecommendOkAsync(fixture.Http, RoutingHost.SouthWest, RoutingHost.NorthEast);

        var best = body.GetProperty("recommended_route");
        Assert.InRange(best.GetProperty("distance_km").GetDouble(), 6.0, 12.0);
        Assert.True(best.GetProperty("eta_minutes").GetDouble() > 0);
        Assert.StartsWith("Synthetic", best.GetProperty("waypoints")[0].GetProperty("road_name").GetString());
        Assert.False(string.IsNullOrEmpty(best.GetProperty("congestion_summary").GetString()));
        var alternatives = body.GetProperty("alternatives").EnumerateArray().ToList();
        Assert.Equal(2, alternatives.Count);
        var geometries = alternatives.Select(RouteRequests.Geometry).Append(RouteRequests.Geometry(best)).ToHashSet();
        Assert.Equal(3, geometries.Count);
        Assert.StartsWith("v", body.GetProperty("graph_version").GetString());
    }

    [Theory]
    [InlineData("{not json", "body")]
    [InlineData("""{"origin": {"lat": 21.02, "lng": 105.85}}""", "destination")]
    [InlineData("""{"origin": {"lat": 95, "lng": 105.85}, "destination": {"lat": 21.03, "lng": 105.86}}""", "origin.lat")]
    [InlineData("""{"origin": {"lat": 21.02, "lng": 105.85}, "destination": {"lat": 21.03, "lng": 105.86}, "departure_time": "tomorrow"}""", "departure_time")]
    [InlineData("""{"origin": {"lat": "north", "lng": 105.85}, "destination": {"lat": 21.03, "lng": 105.86}}""", "body")]
    public async Task Malformed_request_is_a_400_problem_naming_the_field(string json, string field)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await fixture.Http.PostAsync("/route/recommend", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), problem.RootElement.ToString());
    }

    [Theory]
    [InlineData(true, "origin_outside_map")]
    [InlineData(false, "destination_outside_map")]
    public async Task Point_off_the_map_is_a_422_problem_saying_which(bool originOff, string reason)
    {
        var far = (Lat: 10.7769, Lng: 106.7009); // Ho Chi Minh City, far outside the Hanoi map
        using var response = await RouteRequests.RecommendAsync(fixture.Http, originOff ? far : RoutingHost.SouthWest, originOff ? RoutingHost.NorthEast : far);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(reason, problem.RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task New_graph_version_is_never_served_a_cached_route()
    {
        var grains = fixture.Host.Services.GetRequiredService<IGrainFactory>();
        var replica = fixture.Host.Services.GetRequiredService<RoutingSnapshotReplica>();
        var query = new RouteQuery(RoutingHost.SouthWest.Lat, RoutingHost.SouthWest.Lng, RoutingHost.NorthEast.Lat, RoutingHost.NorthEast.Lng, null);
        var routes = grains.GetGrain<IRouteQueryGrain>(0);
        await WaitForReplicaToMatchGrainAsync(grains, replica);

        var first = await routes.RecommendAsync(query);
        var second = await routes.RecommendAsync(query);
        Assert.Equal(first.GraphVersion, second.GraphVersion);
        Assert.True(second.FromCache);
        Assert.Equal(first.RecommendedRoute!.EtaMinutes, second.RecommendedRoute!.EtaMinutes);

        // Every road slows to a third of free flow: the same route takes three times as long.
        var graph = replica.Current.Graph;
        var slower = Enumerable.Range(0, graph.RoadCount).Select(r =>
        {
            var speed = graph.RoadAt(r).FreeFlowSpeedKmh / 3.0;
            return new RoadPrediction(Guid.NewGuid(), DateTimeOffset.UtcNow, graph.RoadIdOf(r), speed, speed, speed, speed, 0.9, "test");
        }).ToList();
        var applied = await grains.GetGrain<IRoutingGrain>(City).ApplyPredictionsAsync(slower);
        Assert.Equal(graph.RoadCount, applied.RoadsUpdated);
        await Eventually.WaitForAsync(() => Task.FromResult(replica.Current.Version), v => v == applied.GraphVersion, Deadline, "the replica to take the new version");

        var third = await routes.RecommendAsync(query);

        Assert.False(third.FromCache);
        Assert.Equal(applied.GraphVersion, third.GraphVersion);
        Assert.InRange(third.RecommendedRoute!.EtaMinutes, first.RecommendedRoute.EtaMinutes * 2.5, first.RecommendedRoute.EtaMinutes * 3.5);
        Assert.True((await routes.RecommendAsync(query)).FromCache);
    }

    private static async Task WaitForReplicaToMatchGrainAsync(IGrainFactory grains, RoutingSnapshotReplica replica) =>
        await Eventually.WaitForAsync(
            async () => await grains.GetGrain<IRoutingGrain>(City).GetSnapshotIfChangedAsync(replica.Current.Version),
            payload => payload is null,
            Deadline,
            "the replica to catch up with the routing grain");
}
