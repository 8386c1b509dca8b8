using System.Globalization;

namespace TrafficOrleans.Roads;

/// <summary>A latitude/longitude rectangle (degrees, WGS 84); the area of a subscription or the extent of a road.</summary>
public readonly record struct GeoBox(double South, double West, double North, double East)
{
    /// <summary>Whether the two rectangles share at least one point.</summary>
    public bool Intersects(GeoBox other) =>
        South <= other.North && other.South <= North && West <= other.East && other.West <= East;

    /// <summary>True when the corners are real coordinates and south ≤ north, west ≤ east.</summary>
    public bool IsValid =>
        South is >= -90 and <= 90 && North is >= -90 and <= 90 && West is >= -180 and <= 180 && East is >= -180 and <= 180
        && South <= North && West <= East;

    /// <summary>Whether the point lies inside (edges included).</summary>
    public bool Contains(GeoPoint point) => point.Lat >= South && point.Lat <= North && point.Lng >= West && point.Lng <= East;

    /// <summary>The smallest box holding this one and <paramref name="point"/>.</summary>
    public GeoBox Including(GeoPoint point) =>
        new(Math.Min(South, point.Lat), Math.Min(West, point.Lng), Math.Max(North, point.Lat), Math.Max(East, point.Lng));

    /// <summary>The box of a single point.</summary>
    public static GeoBox Of(GeoPoint point) => new(point.Lat, point.Lng, point.Lat, point.Lng);

    /// <summary>Parses <c>south,west,north,east</c> (the <c>?bbox=</c> form); false when malformed or invalid.</summary>
    public static bool TryParse(string? text, out GeoBox box)
    {
        box = default;
        var parts = text?.Split(',');
        if (parts is not { Length: 4 }) return false;
        var values = new double[4];
        for (var i = 0; i < 4; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i])) return false;
        }

        box = new GeoBox(values[0], values[1], values[2], values[3]);
        return box.IsValid;
    }
}
