using System.Collections.Concurrent;

namespace TrafficOrleans.Dashboard.BrowserTests;

[Collection(DashboardCollection.Name)]
public sealed class OfflineTests(DashboardFixture fixture)
{
    [Fact]
    public async Task The_dashboard_works_with_every_request_outside_the_silo_blocked()
    {
        var silo = fixture.Host.BaseAddress.GetLeftPart(UriPartial.Authority);
        var blocked = new ConcurrentBag<string>();
        await using var dashboard = await DashboardPage.OpenAsync(fixture, configure: context => context.RouteAsync("**/*", async route =>
        {
            var url = route.Request.Url;
            if (url.StartsWith(silo + "/", StringComparison.Ordinal) || url == silo) await route.ContinueAsync();
            else
            {
                blocked.Add(url);
                await route.AbortAsync("internetdisconnected");
            }
        }));

        await dashboard.GotoAsync("map");
        await dashboard.WaitForLiveAsync();
        var lines = await dashboard.Page.EvaluateAsync<int>("window.__dashboard.lineCount()");
        Assert.Equal(fixture.Roads.Count, lines);
        await dashboard.GotoAsync("analytics");
        await dashboard.Page.Locator("#analytics-accuracy").WaitForAsync();

        // Nothing was even attempted outside the silo: no CDN, no web font, no tile server.
        Assert.Empty(blocked);
        dashboard.AssertNoErrors();
    }
}
