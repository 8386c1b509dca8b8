namespace TrafficOrleans.Tests.Shared;

/// <summary>
/// Finds files under <c>../shared/</c> next to the repository (the HERE snapshot is not ours to commit):
/// walks up from the test binaries to the folder holding TrafficOrleans.sln. One file, linked into each test project that reads shared data.
/// </summary>
internal static class SharedData
{
    public const string HereSnapshotRelative = "data/here/hanoi-flow-2025-10-15T1409Z.json";

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
