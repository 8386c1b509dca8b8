using System.Net.Http.Json;
using System.Text.Json;

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
        Assert.Empty(dashboard.Errors);
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
        var points = await dashboard.Page.EvaluateAsync<JsonElement>("window.__dashboard.routeEndpoints()");
        using var response = await fixture.Http.PostAsJsonAsync("route/recommend", new
        {
            origin = new { lat = points.GetProperty("origin").GetProperty("lat").GetDouble(), lng = points.GetProperty("origin").GetProperty("lng").GetDouble() },
            destination = new { lat = points.GetProperty("destination").GetProperty("lat").GetDouble(), lng = points.GetProperty("destination").GetProperty("lng").GetDouble() },
            departure_time = "now",
        });
        response.EnsureSuccessStatusCode();
        return (drawn, await response.Content.ReadFromJsonAsync<JsonElement>());
    }
}
