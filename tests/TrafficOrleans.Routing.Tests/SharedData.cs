namespace TrafficOrleans.Routing.Tests;

/// <summary>
/// Finds files under <c>../shared/</c> next to the repository (the HERE snapshot is not ours to commit):
/// walks up from the test binaries to the folder holding TrafficOrleans.sln.
/// </summary>
internal static class SharedData
{
    public const string HereSnapshotRelative = "data/here/hanoi-flow-2025-10-15T1409Z.json";

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
