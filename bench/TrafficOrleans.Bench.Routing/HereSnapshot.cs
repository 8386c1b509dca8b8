namespace TrafficOrleans.Bench.Routing;

/// <summary>Locates the shared HERE snapshot: walk up to the folder holding TrafficOrleans.sln, then ../shared.</summary>
internal static class HereSnapshot
{
    public static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "TrafficOrleans.sln"))) continue;
            var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "here", "hanoi-flow-2025-10-15T1409Z.json"));
            return File.Exists(path) ? path : null;
        }

        return null;
    }
}
