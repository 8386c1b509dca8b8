namespace TrafficOrleans.Notifications.Rules;

/// <summary>A road directory over a dictionary built once (the silo's map, or a test's few roads).</summary>
public sealed class RoadDirectory(IReadOnlyDictionary<string, RoadFacts> roads) : IRoadDirectory
{
    /// <summary>
    /// A directory that knows no road: alerts then name roads by id and carry no ETA delta. The default for hosts
    /// without a road map; the silo registers its map instead.
    /// </summary>
    public static RoadDirectory Empty { get; } = new(new Dictionary<string, RoadFacts>());

    /// <inheritdoc />
    public RoadFacts? Find(string roadId) => roads.GetValueOrDefault(roadId);
}
