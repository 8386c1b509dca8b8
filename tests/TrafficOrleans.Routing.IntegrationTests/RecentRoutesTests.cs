using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TrafficOrleans.GrainInterfaces.Routes;
using TrafficOrleans.IntegrationTests.Infrastructure;

namespace TrafficOrleans.Routing.IntegrationTests;

/// <summary>Every planned recommendation of the real host is recorded in Redis for the alerts' affected routes.</summary>
[Collection(RoutingApiCollection.Name)]
public sealed class RecentRoutesTests(RoutingApiFixture fixture)
{
    [Fact]
    public async Task A_planned_recommendation_is_recorded_with_its_endpoints_and_the_roads_it_travels()
    {
        // A departure no earlier run asked for, so the answer is planned rather than served from the route cache.
        var departure = DateTimeOffset.UtcNow.AddHours(1).AddSeconds(Random.Shared.Next(1, 86_400));
        var (origin, destination) = (RoutingHost.NorthEast, RoutingHost.SouthWest);
        var json = string.Create(CultureInfo.InvariantCulture,
            $$"""{"origin": {"lat": {{origin.Lat}}, "lng": {{origin.Lng}}}, "destination": {"lat": {{destination.Lat}}, "lng": {{destination.Lng}}}, "departure_time": "{{departure:O}}"}""");
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await fixture.Http.PostAsync("/route/recommend", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var recent = await fixture.Host.Services.GetRequiredService<IRecentRoutes>().RecentAsync(CancellationToken.None);

        var network = fixture.Host.Services.GetRequiredService<RoutingNetwork>();
        var known = Enumerable.Range(0, network.Graph.RoadCount).Select(network.Graph.RoadIdOf).ToHashSet(StringComparer.Ordinal);
        // The newest match: a rerun within five minutes leaves the previous run's recommendation in the set too.
        var route = recent.LastOrDefault(r => r.Origin.Lat == origin.Lat && r.Origin.Lng == origin.Lng && r.Destination.Lat == destination.Lat);
        Assert.NotNull(route);
        Assert.NotEmpty(route.RoadIds);
        Assert.All(route.RoadIds, id => Assert.Contains(id, known));
        Assert.False(string.IsNullOrEmpty(route.RouteId));
    }
}
