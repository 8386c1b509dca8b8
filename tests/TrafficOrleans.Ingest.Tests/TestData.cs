using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TrafficOrleans.Ingest.Preprocessing;

namespace TrafficOrleans.Ingest.Tests;

/// <summary>Shared test helpers: the real HERE fixture from ../shared and preprocessors.</summary>
internal static class TestData
{
    public const string FixtureName = "hanoi-flow-2025-10-15T1409Z.json";

    /// <summary>Path of the HERE fixture (../shared/data/here next to the repository root), or null with the reason.</summary>
    public static string? HereFixturePath(out string reason)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TrafficOrleans.sln"))) dir = dir.Parent;
        if (dir is null)
        {
            reason = $"TrafficOrleans.sln not found above {AppContext.BaseDirectory}";
            return null;
        }

        var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "here", FixtureName));
        reason = $"HERE fixture not found at {path} (shared/ is not checked out beside the repository)";
        return File.Exists(path) ? path : null;
    }

    /// <summary>The fixture path, or a visible skip of the calling test.</summary>
    public static string RequireHereFixture()
    {
        var path = HereFixturePath(out var reason);
        Skip.If(path is null, reason);
        return path!;
    }

    public static ReadingPreprocessor Preprocessor(IMeterFactory? meters = null, IngestOptions? options = null) =>
        new(Options.Create(options ?? new IngestOptions()), new IngestMetrics(meters ?? NewMeterFactory()));

    public static IMeterFactory NewMeterFactory() =>
        new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    /// <summary>Local Hanoi time (UTC+7) as an instant.</summary>
    public static DateTimeOffset Hanoi(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));
}
