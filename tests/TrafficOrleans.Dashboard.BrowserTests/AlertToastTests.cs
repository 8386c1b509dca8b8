using System.Diagnostics;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace TrafficOrleans.Dashboard.BrowserTests;

[Collection(DashboardCollection.Name)]
public sealed class AlertToastTests(DashboardFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task An_alert_produced_on_the_pipeline_appears_as_a_toast_and_repeats_merge()
    {
        var road = fixture.Roads[fixture.Roads.Count / 2];
        await using var dashboard = await DashboardPage.OpenAsync(fixture);
        await dashboard.GotoAsync("map");
        await dashboard.WaitForLiveAsync();

        var clock = Stopwatch.StartNew();
        var first = await fixture.Pipeline.ProduceAlertAsync(road, "critical");
        var toast = dashboard.Page.Locator($".toast[data-event-id='{first}']");
        await toast.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        output.WriteLine($"toast shown {clock.ElapsedMilliseconds} ms after the alert was produced");
        Assert.Contains(road.RoadName, await toast.TextContentAsync(), StringComparison.Ordinal);

        var second = await fixture.Pipeline.ProduceAlertAsync(road, "warning");
        var merged = dashboard.Page.Locator($".toast[data-event-id='{second}']");
        await merged.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        Assert.Equal("2", await merged.GetAttributeAsync("data-count"));
        Assert.Equal(1, await dashboard.Page.Locator($".toast[data-road-id='{road.RoadId}']").CountAsync());
        await dashboard.ScreenshotAsync("map-alert");

        await dashboard.Page.Locator(".dismiss-all").ClickAsync();
        Assert.Equal(0, await dashboard.Page.Locator(".toast").CountAsync());
        dashboard.AssertNoErrors();
    }
}
