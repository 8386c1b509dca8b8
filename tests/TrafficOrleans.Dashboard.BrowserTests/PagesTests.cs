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

        Assert.Empty(dashboard.Errors);
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
