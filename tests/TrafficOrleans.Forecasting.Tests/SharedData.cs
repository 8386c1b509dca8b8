namespace TrafficOrleans.Forecasting.Tests;

/// <summary>Finds files under the shared data folder, which lives beside the repository (never inside it).</summary>
internal static class SharedData
{
    public const string LosLoopSpeedsRelative = "data/los-loop/los_speed_train.csv";

    public const string LosLoopAdjacencyRelative = "data/los-loop/los_adj.csv";

    /// <summary>Full path of a shared file, or null when the repository root or the file cannot be found.</summary>
    public static string? Find(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "TrafficOrleans.sln"))) continue;
            var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", relative));
            return File.Exists(path) ? path : null;
        }

        return null;
    }
}
