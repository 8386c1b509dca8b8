using System.Text.Json;

namespace TrafficOrleans.Routing.Osm;

/// <summary>The parts of a drivable Overpass way element that routing uses.</summary>
internal sealed record OsmWay(long[] NodeIds, string Name, int FunctionalClass, double SpeedKmh, bool Forward, bool Backward)
{
    /// <summary>The way, or null when it is not a drivable road for cars.</summary>
    public static OsmWay? From(JsonElement element)
    {
        if (!element.TryGetProperty("tags", out var tags) || !element.TryGetProperty("nodes", out var nodeArray)) return null;
        string? Tag(string key) => tags.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        var highway = Tag("highway");
        if (!OsmHighways.IsDrivable(highway) || Tag("area") == "yes") return null;
        if (Tag("access") is "no" || Tag("motor_vehicle") is "no" || Tag("motorcar") is "no") return null;

        var (forward, backward) = OsmHighways.Directions(highway!, Tag("oneway"), Tag("junction"));
        var ids = new long[nodeArray.GetArrayLength()];
        var i = 0;
        foreach (var id in nodeArray.EnumerateArray()) ids[i++] = id.GetInt64();
        return new OsmWay(
            ids,
            Tag("name") ?? Tag("ref") ?? "Unnamed road",
            OsmHighways.FunctionalClass(highway!),
            OsmHighways.ParseMaxSpeed(Tag("maxspeed")) ?? OsmHighways.DefaultSpeedKmh(highway!),
            forward,
            backward);
    }
}
