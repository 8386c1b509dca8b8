using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TrafficOrleans.GrainInterfaces.Grains;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.IntegrationTests.Infrastructure;
using TrafficOrleans.Silo.Routing;

namespace TrafficOrleans.Routing.IntegrationTests;

/// <summary>
/// <c>eta_range_minutes</c> of <c>POST /route/recommend</c> on the real host: predictions go to the routing grain,
/// the silo's replica takes the new weights, and the HTTP answer carries the range.
/// </summary>
[Collection(RoutingApiCollection.Name)]
public sealed class RouteEtaRangeTests(RoutingApiFixture fixture)
{
    private static readonly string City = new RoutingOptions().City;

    [Fact]
    public async Task Route_over_roads_with_prediction_intervals_gets_an_eta_range_around_its_eta()
    {
        // Every road at half its free flow, expected between a quarter and three quarters of it.
        await ApplyToEveryRoadAsync(freeFlow => new PredictionInterval(freeFlow / 4, freeFlow * 0.75, freeFlow / 4, freeFlow * 0.75, freeFlow / 4, freeFlow * 0.75));

        foreach (var route in await RoutesAsync())
        {
            var (eta, low, high) = Eta(route);
            // Only the first minutes (the measured "now") have no range, so the range is strictly wider than the ETA.
            Assert.True(low < eta && eta < high, $"low {low}, eta {eta}, high {high}");
        }
    }

    [Fact]
    public async Task Route_over_roads_without_prediction_intervals_gets_low_equal_high_equal_eta()
    {
        await ApplyToEveryRoadAsync(_ => null);

        foreach (var route in await RoutesAsync())
        {
            var (eta, low, high) = Eta(route);
            Assert.Equal(eta, low);
            Assert.Equal(eta, high);
        }
    }

    [Fact]
    public async Task OpenApi_document_describes_the_eta_range()
    {
        var document = await fixture.Http.GetStringAsync("/openapi/v1.json");

        Assert.Contains("eta_range_minutes", document, StringComparison.Ordinal);
        Assert.Contains(EtaRange.Meaning, document, StringComparison.Ordinal);
    }

    private async Task ApplyToEveryRoadAsync(Func<double, PredictionInterval?> interval)
    {
        var grains = fixture.Host.Services.GetRequiredService<IGrainFactory>();
        var replica = fixture.Host.Services.GetRequiredService<RoutingSnapshotReplica>();
        var graph = replica.Current.Graph;
        var predictions = Enumerable.Range(0, graph.RoadCount).Select(r =>
        {
            var freeFlow = graph.RoadAt(r).FreeFlowSpeedKmh;
            var speed = freeFlow / 2;
            return new RoadPrediction(Guid.NewGuid(), DateTimeOffset.UtcNow, graph.RoadIdOf(r), speed, speed, speed, speed, 0.9, "test", Interval: interval(freeFlow));
        }).ToList();

        var applied = await grains.GetGrain<IRoutingGrain>(City).ApplyPredictionsAsync(predictions);

        Assert.Equal(graph.RoadCount, applied.RoadsUpdated);
        await Eventually.WaitForAsync(() => Task.FromResult(replica.Current.Version), v => v == applied.GraphVersion, TimeSpan.FromSeconds(30), "the replica to take the new version");
    }

    private async Task<List<JsonElement>> RoutesAsync()
    {
        var body = await RouteRequests.RecommendOkAsync(fixture.Http, RoutingHost.SouthWest, RoutingHost.NorthEast);
        var routes = body.GetProperty("alternatives").EnumerateArray().Prepend(body.GetProperty("recommended_route")).ToList();
        Assert.Equal(3, routes.Count);
        return routes;
    }

    private static (double Eta, double Low, double High) Eta(JsonElement route)
    {
        var range = route.GetProperty("eta_range_minutes");
        return (route.GetProperty("eta_minutes").GetDouble(), range.GetProperty("low").GetDouble(), range.GetProperty("high").GetDouble());
    }
}
