using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace TrafficOrleans.Dashboard.BrowserTests;

[Collection(DashboardCollection.Name)]
public sealed class PagesTests(DashboardFixture fixture)
{
    /// <summary>An element each page shows once it has rendered.</summary>
    private static readonly Dictionary<string, string> Landmarks = new()
    {
        ["map"] = ".legend",
        ["route"] = "#route-go",
        ["analytics"] = "#analytics-accuracy",
        ["alerts"] = "table.alerts",
        ["system"] = ".system[data-available]",
    };

    [Fact]
    public async Task Every_page_loads_without_a_console_error()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture);
        foreach (var page in DashboardPage.Pages)
        {
            await dashboard.GotoAsync(page);
            await dashboard.Page.Locator(Landmarks[page]).First.WaitForAsync();
            await dashboard.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await dashboard.ScreenshotAsync(page);
        }

        dashboard.AssertNoErrors();
    }

    [Fact]
    public async Task Leaving_analytics_before_its_data_arrives_is_not_an_error()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture);
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The analytics answers are held until the page was left, as from a slow server (a CI run caught this late).
        await dashboard.Page.RouteAsync("**/analytics/**", async route =>
        {
            await released.Task;
            await route.ContinueAsync();
        });
        await dashboard.GotoAsync("analytics");
        var trends = dashboard.Page.WaitForResponseAsync(response => response.Url.Contains("/analytics/trends", StringComparison.Ordinal));
        var accuracy = dashboard.Page.WaitForResponseAsync(response => response.Url.Contains("/analytics/model-accuracy", StringComparison.Ordinal));
        await dashboard.GotoAsync("alerts");
        await dashboard.Page.Locator(Landmarks["alerts"]).First.WaitForAsync();

        released.SetResult();
        await Task.WhenAll(trends, accuracy);
        // Let the page's own handlers of those answers run before looking for errors.
        await dashboard.Page.EvaluateAsync("() => new Promise(resolve => setTimeout(resolve, 200))");
        dashboard.AssertNoErrors();
    }

    [Fact]
    public async Task The_system_page_shows_the_consumer_lag_of_every_watched_group()
    {
        var status = await fixture.Http.GetFromJsonAsync<JsonElement>("system/status");
        var watched = status.GetProperty("consumer_lag").GetProperty("groups").EnumerateArray()
            .Select(g => $"{g.GetProperty("group").GetString()}@{g.GetProperty("topic").GetString()}").Order(StringComparer.Ordinal).ToList();
        Assert.Contains("ml-prediction-group@traffic-raw", watched);

        await using var dashboard = await DashboardPage.OpenAsync(fixture);
        await dashboard.GotoAsync("system");
        var table = dashboard.Page.Locator(".consumer-lag[data-state='known'] table.lag");
        await table.WaitForAsync();
        var rows = await table.Locator("tbody tr").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => [r.dataset.group + '@' + r.dataset.topic, r.dataset.lag, r.cells[3].textContent])");

        Assert.Equal(watched, rows.Select(r => r[0]).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.True(long.TryParse(r[1], out var lag) && lag >= 0, $"{r[0]} shows lag {r[1]}"));
        Assert.All(rows, r => Assert.Equal(long.Parse(r[1], CultureInfo.InvariantCulture).ToString("N0", CultureInfo.GetCultureInfo("en-US")), r[2]));
    }

    [Fact]
    public async Task Nothing_overflows_at_phone_width()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture, width: 375, height: 812);
        foreach (var page in DashboardPage.Pages)
        {
            await dashboard.GotoAsync(page);
            await dashboard.Page.Locator(Landmarks[page]).First.WaitForAsync();
            await dashboard.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var width = await dashboard.Page.EvaluateAsync<int>("document.scrollingElement.scrollWidth");
            Assert.True(width <= 375, $"page {page} is {width} px wide at a 375 px viewport");
            await dashboard.ScreenshotAsync($"{page}-375");
        }
    }

    [Fact]
    public async Task The_language_switch_changes_the_labels_and_is_remembered()
    {
        await using var dashboard = await DashboardPage.OpenAsync(fixture);
        await dashboard.GotoAsync("map");
        var mapTab = dashboard.Page.Locator(".tabs a[data-page='map']");
        Assert.Equal("Live map", await mapTab.TextContentAsync());

        await dashboard.Page.Locator("#lang").ClickAsync();
        Assert.Equal("Bản đồ trực tiếp", await mapTab.TextContentAsync());
        Assert.Equal("Mức ùn tắc", await dashboard.Page.Locator(".legend h2").TextContentAsync());
        Assert.Equal("vi", await dashboard.Page.EvaluateAsync<string>("document.documentElement.lang"));

        await dashboard.Page.ReloadAsync();
        await dashboard.GotoAsync("map");
        Assert.Equal("Bản đồ trực tiếp", await mapTab.TextContentAsync());
        await dashboard.ScreenshotAsync("map-vi");

        await dashboard.Page.Locator("#lang").ClickAsync();
        Assert.Equal("Live map", await mapTab.TextContentAsync());
    }
}
