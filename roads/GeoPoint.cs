namespace TrafficOrleans.Roads;

/// <summary>A WGS-84 point in degrees.</summary>
public readonly record struct GeoPoint(double Lat, double Lng)
{
    private const double EarthRadiusMeters = 6_371_008.8;

    /// <summary>Great-circle distance in metres (haversine).</summary>
    public double DistanceMetersTo(GeoPoint other)
    {
        var dLat = DegreesToRadians(other.Lat - Lat);
        var dLng = DegreesToRadians(other.Lng - Lng);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
              + Math.Cos(DegreesToRadians(Lat)) * Math.Cos(DegreesToRadians(other.Lat)) * Math.Sin(dLng / 2) * Math.Sin(dLng / 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static double DegreesToRadians(double degrees) => degrees * Math.PI / 180;
}
