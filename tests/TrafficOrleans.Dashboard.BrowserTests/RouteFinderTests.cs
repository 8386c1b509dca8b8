using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using TrafficOrleans.GrainInterfaces.Grains;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.Silo.Routing;

namespace TrafficOrleans.Dashboard.BrowserTests;

[Collection(DashboardCollection.Name)]
public sealed class RouteFinderTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Clicking_two_points_draws_three_routes_whose_ETAs_match_the_route_endpoint()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture);
        var (drawn, answer) = await FindRouteAsync(dashboard);
        var expected = new[] { answer.GetProperty("recommended_route") }.Concat(answer.GetProperty("alternatives").EnumerateArray())
            .Select(route => route.GetProperty("eta_minutes").GetDouble()).ToList();

        Assert.Equal(3, expected.Count);
        Assert.Equal(expected, drawn.EnumerateArray().Select(route => route.GetProperty("eta_minutes").GetDouble()));
        Assert.Equal([true, false, false], drawn.EnumerateArray().Select(route => route.GetProperty("best").GetBoolean()));
        Assert.All(drawn.EnumerateArray(), route => Assert.True(route.GetProperty("points").GetInt32() >= 2));
        Assert.Equal(3, await dashboard.Page.Locator(".routes li").CountAsync());
        await dashboard.ScreenshotAsync("route-found");
        dashboard.AssertNoErrors();
    }

    [Fact]
    public async Task A_graph_update_that_moves_the_best_ETA_by_more_than_10_percent_reroutes_without_user_action()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture);
        await dashboard.GotoAsync("route");
        await dashboard.WaitForLiveAsync();
        var (drawn, _) = await FindRouteAsync(dashboard);
        var shownEta = drawn[0].GetProperty("eta_minutes").GetDouble();
        await dashboard.Page.EvaluateAsync("window.__sameDocument = true");
        try
        {
            // Every road at a tenth of its free-flow speed: no detour escapes, so the best ETA grows far past 10 %.
            var applied = await SetEveryRoadSpeedAsync(0.1);
            Assert.Equal(fixture.Roads.Count, applied.RoadsUpdated);

            await dashboard.Page.WaitForFunctionAsync(
                "shown => { const best = window.__dashboard.routes()[0]; return best && Math.abs(best.eta_minutes - shown) / shown > 0.1; }",
                shownEta, new PageWaitForFunctionOptions { Timeout = 60_000, PollingInterval = 100 });

            Assert.True(await dashboard.Page.EvaluateAsync<bool>("window.__sameDocument === true"), "the page was reloaded");
            Assert.Equal("Traffic changed: route updated", await dashboard.Page.Locator(".notice").TextContentAsync());
            Assert.Equal(3, await dashboard.Page.Locator(".routes li").CountAsync());
            var rerouted = await dashboard.Page.EvaluateAsync<JsonElement>("window.__dashboard.routes()");
            var answer = await RecommendAsync(dashboard);
            Assert.Equal(answer.GetProperty("recommended_route").GetProperty("eta_minutes").GetDouble(), rerouted[0].GetProperty("eta_minutes").GetDouble());
            await dashboard.ScreenshotAsync("route-rerouted");
            dashboard.AssertNoErrors();
        }
        finally
        {
            // Free flow again (also in the Redis snapshot the routing grain restores from), as the other tests expect.
            await SetEveryRoadSpeedAsync(1.0);
        }
    }

    /// <summary>
    /// Hands the routing grain a prediction batch for every road, as the route-graph consumer does with what it reads.
    /// The dashboard host runs without that consumer, so that route answers do not move under the other tests; from the
    /// grain on, the path is production's: new weights and graph version, <c>route-updates</c> on Kafka, the push
    /// bridge's <c>graphUpdated</c> over SignalR, the route finder asking again.
    /// </summary>
    private Task<RoutingBatchApplied> SetEveryRoadSpeedAsync(double shareOfFreeFlow)
    {
        var services = fixture.Host.Services;
        var now = DateTimeOffset.UtcNow;
        var batch = fixture.Roads.Select(road =>
        {
            var speed = road.FreeFlowSpeed * shareOfFreeFlow;
            return new RoadPrediction(Guid.NewGuid(), now, road.RoadId, speed, speed, speed, speed, 1.0, "browser-test");
        }).ToList();
        var city = services.GetRequiredService<IOptions<RoutingOptions>>().Value.City;
        return services.GetRequiredService<IGrainFactory>().GetGrain<IRoutingGrain>(city).ApplyPredictionsAsync(batch);
    }

    /// <summary>Clicks origin and destination on the route page; returns the drawn routes and the API's answer for the same points.</summary>
    private async Task<(JsonElement Drawn, JsonElement Answer)> FindRouteAsync(DashboardPage dashboard)
    {
        await dashboard.GotoAsync("route");
        var map = await dashboard.Page.Locator("#map").BoundingBoxAsync();
        Assert.NotNull(map);
        await dashboard.Page.Mouse.ClickAsync(map.X + map.Width * 0.25f, map.Y + map.Height * 0.25f);
        await dashboard.Page.Mouse.ClickAsync(map.X + map.Width * 0.75f, map.Y + map.Height * 0.75f);
        await dashboard.Page.WaitForFunctionAsync("window.__dashboard.routes().length > 0 || document.querySelector('.notice')?.textContent");
        var notice = await dashboard.Page.Locator(".notice").TextContentAsync();
        Assert.True(dashboard.Errors.Count == 0 && string.IsNullOrEmpty(notice), $"the route request failed: {notice} {string.Join("; ", dashboard.Errors)}");

        var drawn = await dashboard.Page.EvaluateAsync<JsonElement>("window.__dashboard.routes()");
        return (drawn, await RecommendAsync(dashboard));
    }

    /// <summary><c>POST /route/recommend</c> between the points the page routed between.</summary>
    private async Task<JsonElement> RecommendAsync(DashboardPage dashboard)
    {
        var points = await dashboard.Page.EvaluateAsync<JsonElement>("window.__dashboard.routeEndpoints()");
        using var response = await fixture.Http.PostAsJsonAsync("route/recommend", new
        {
            origin = new { lat = points.GetProperty("origin").GetProperty("lat").GetDouble(), lng = points.GetProperty("origin").GetProperty("lng").GetDouble() },
            destination = new { lat = points.GetProperty("destination").GetProperty("lat").GetDouble(), lng = points.GetProperty("destination").GetProperty("lng").GetDouble() },
            departure_time = "now",
        });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
