using Microsoft.Playwright;

namespace TrafficOrleans.Dashboard.BrowserTests;

/// <summary>A fresh browser context on the dashboard that records console errors and uncaught exceptions.</summary>
public sealed class DashboardPage : IAsyncDisposable
{
    public static readonly string[] Pages = ["map", "route", "analytics", "alerts", "system"];

    private readonly IBrowserContext _context;

    private DashboardPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error") Errors.Add($"console: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => Errors.Add($"page error: {error}");
    }

    public IPage Page { get; }

    public List<string> Errors { get; } = [];

    /// <summary>Fails with every error whole (xunit's collection assertions cut each item short, stack included).</summary>
    public void AssertNoErrors() => Assert.True(Errors.Count == 0, $"{Errors.Count} error(s) on the page:\n{string.Join("\n", Errors)}");

    public static async Task<DashboardPage> OpenAsync(DashboardFixture fixture, int width = 1280, int height = 800, Func<IBrowserContext, Task>? configure = null)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
        });
        if (configure is not null) await configure(context);
        return new DashboardPage(context, await context.NewPageAsync());
    }

    /// <summary>Opens a page of the dashboard (hash route) and waits until its script has booted.</summary>
    public async Task GotoAsync(string page)
    {
        if (Page.Url.StartsWith("http", StringComparison.Ordinal))
        {
            await Page.EvaluateAsync("page => { location.hash = '#/' + page; }", page);
        }
        else
        {
            await Page.GotoAsync($"/#/{page}");
        }

        await Page.WaitForFunctionAsync("page => window.__dashboard?.ready === true && window.__dashboard.page === page", page);
    }

    /// <summary>Waits for the live connection (the state badge) so pushed messages reach the page.</summary>
    public Task WaitForLiveAsync() =>
        Page.Locator("#connection[data-state='live']").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

    public async Task ScreenshotAsync(string name) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DashboardFixture.ScreenshotDirectory, $"{name}.png") });

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
