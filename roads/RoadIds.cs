using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TrafficOrleans.Roads;

/// <summary>
/// Stable road ids derived from geometry: HERE flow responses carry no segment id, but the same segment
/// comes back with the same shape on every poll, so a hash of the rounded shape identifies it.
/// </summary>
public static class RoadIds
{
    /// <summary>Prefix of every road id of the Hanoi deployment.</summary>
    public const string DefaultPrefix = "hanoi_rd_";

    /// <summary>
    /// Id from the polyline, rounded to 1e-5° (~1 m) so float noise in a response cannot change it.
    /// Direction matters: the reversed shape is another (opposite-direction) road.
    /// </summary>
    public static string FromShape(IReadOnlyList<GeoPoint> shape, string prefix = DefaultPrefix)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var text = new StringBuilder(shape.Count * 24);
        foreach (var point in shape)
        {
            text.Append(Math.Round(point.Lat, 5).ToString("F5", CultureInfo.InvariantCulture)).Append(',')
                .Append(Math.Round(point.Lng, 5).ToString("F5", CultureInfo.InvariantCulture)).Append(';');
        }

        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(text.ToString()));
        return prefix + Convert.ToHexStringLower(hash.AsSpan(0, 5));
    }
}
