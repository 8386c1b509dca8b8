using System.Diagnostics;
using Microsoft.Playwright;

namespace TrafficOrleans.Dashboard.BrowserTests;

[Collection(DashboardCollection.Name)]
public sealed class LiveMapTests(DashboardFixture fixture)
{
    [Fact]
    public async Task The_map_draws_one_line_per_road_of_the_roads_endpoint()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture);
        await dashboard.GotoAsync("map");
        var drawn = await dashboard.Page.EvaluateAsync<string[]>("window.__dashboard.roadIds()");
        Assert.NotEmpty(fixture.Roads);
        Assert.Equal(fixture.Roads.Select(road => road.RoadId).Order(StringComparer.Ordinal), drawn.Order(StringComparer.Ordinal));
        Assert.Equal(fixture.Roads.Count, await dashboard.Page.EvaluateAsync<int>("window.__dashboard.lineCount()"));
    }

    [Fact]
    public async Task A_reading_produced_to_Kafka_recolours_its_road_within_2_seconds_without_a_reload()
    {
        var road = fixture.Roads[0];
        await using var dashboard = await DashboardPage.OpenAsync(fixture);
        await dashboard.GotoAsync("map");
        await dashboard.WaitForLiveAsync();
        await dashboard.Page.EvaluateAsync("window.__sameDocument = true");

        // First make the road live and free-flowing (its grain activated), then jam it and time the recolouring.
        await fixture.Pipeline.ProduceReadingAsync(road, road.FreeFlowSpeed);
        await WaitForLevelAsync(dashboard.Page, road.RoadId, "free", 60_000);
        var before = await dashboard.Page.EvaluateAsync<string>("id => window.__dashboard.road(id).color", road.RoadId);

        var clock = Stopwatch.StartNew();
        await fixture.Pipeline.ProduceReadingAsync(road, road.FreeFlowSpeed * 0.1);
        await WaitForLevelAsync(dashboard.Page, road.RoadId, "severe", 30_000);
        clock.Stop();

        Assert.True(clock.Elapsed <= TimeSpan.FromSeconds(2), $"the road was recoloured {clock.Elapsed.TotalMilliseconds:0} ms after its reading was produced");
        Assert.NotEqual(before, await dashboard.Page.EvaluateAsync<string>("id => window.__dashboard.road(id).color", road.RoadId));
        Assert.True(await dashboard.Page.EvaluateAsync<bool>("window.__sameDocument === true"), "the page was reloaded");
        await dashboard.ScreenshotAsync("map-live");
    }

    private static async Task WaitForLevelAsync(IPage page, string roadId, string level, float timeoutMs) =>
        await page.WaitForFunctionAsync(
            "([id, level]) => window.__dashboard.road(id)?.level === level",
            new object[] { roadId, level },
            new PageWaitForFunctionOptions { Timeout = timeoutMs, PollingInterval = 20 });
}
