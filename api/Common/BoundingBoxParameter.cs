using TrafficOrleans.Roads;

namespace TrafficOrleans.Api.Common;

/// <summary>The <c>?bbox=south,west,north,east</c> query parameter shared by the map endpoints.</summary>
public static class BoundingBoxParameter
{
    /// <summary>The query parameter's name.</summary>
    public const string Name = "bbox";

    /// <summary>
    /// The area of <paramref name="text"/> (null when absent); on a malformed value adds the reason to
    /// <paramref name="errors"/> (the endpoint's 400 validation problem).
    /// </summary>
    public static GeoBox? Read(string? text, IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (text is null) return null;
        if (GeoBox.TryParse(text, out var box)) return box;
        errors[Name] = ["bbox must be south,west,north,east in degrees, with south ≤ north in [-90, 90] and west ≤ east in [-180, 180]."];
        return null;
    }
}
