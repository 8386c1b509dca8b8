using System.Text.Json;

namespace TrafficOrleans.Roads.Here;

/// <summary>
/// Turns the locations of a HERE flow response into <see cref="RoadSegment"/>s: the road set of a real
/// poll, used by the simulator, the routing graph and the ingestion to agree on road ids.
/// </summary>
public static class HereRoadNetwork
{
    /// <summary>Metres per second → km/h.</summary>
    public const double MetersPerSecondToKmh = 3.6;

    /// <summary>Reads a saved response file.</summary>
    public static HereFlowResponse ReadResponse(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<HereFlowResponse>(stream)
            ?? throw new InvalidDataException($"{path} is not a HERE flow response.");
    }

    /// <summary>
    /// The road segment of one flow item, or null when it has no usable shape (fewer than two points).
    /// Consecutive duplicate points (links share their joints) are removed.
    /// </summary>
    public static RoadSegment? ToSegment(HereFlowResult result, string prefix = RoadIds.DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(result);
        var links = result.Location?.Shape?.Links;
        if (links is null) return null;

        var shape = new List<GeoPoint>();
        var functionalClass = int.MaxValue;
        foreach (var link in links)
        {
            if (link.FunctionalClass is { } fc) functionalClass = Math.Min(functionalClass, fc);
            foreach (var p in link.Points ?? [])
            {
                var point = new GeoPoint(p.Lat, p.Lng);
                if (shape.Count == 0 || shape[^1] != point) shape.Add(point);
            }
        }

        if (shape.Count < 2) return null;
        var length = result.Location!.Length ?? PolylineLength(shape);
        var freeFlowKmh = (result.CurrentFlow?.FreeFlow ?? 0) * MetersPerSecondToKmh;
        return new RoadSegment(
            RoadIds.FromShape(shape, prefix),
            string.IsNullOrWhiteSpace(result.Location.Description) ? "Unnamed road" : result.Location.Description,
            functionalClass == int.MaxValue ? 5 : functionalClass,
            length,
            freeFlowKmh,
            shape);
    }

    /// <summary>All usable segments of a response, in response order.</summary>
    public static IReadOnlyList<RoadSegment> ToSegments(HereFlowResponse response, string prefix = RoadIds.DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(response);
        var segments = new List<RoadSegment>();
        foreach (var result in response.Results ?? [])
        {
            if (ToSegment(result, prefix) is { } segment) segments.Add(segment);
        }

        return segments;
    }

    private static double PolylineLength(List<GeoPoint> shape)
    {
        var total = 0.0;
        for (var i = 1; i < shape.Count; i++) total += shape[i - 1].DistanceMetersTo(shape[i]);
        return total;
    }
}
