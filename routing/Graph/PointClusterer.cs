using TrafficOrleans.Roads;

namespace TrafficOrleans.Routing.Graph;

/// <summary>
/// Merges points closer than a tolerance into one cluster, so road ends that a source rounds slightly
/// differently still meet. Cells are at least the tolerance wide, so a match is always in the 3×3 neighbourhood.
/// </summary>
internal sealed class PointClusterer
{
    private const double MetersPerDegreeLat = 111_320;

    private readonly double _toleranceMeters;
    private readonly double _cellLat;
    private readonly double _cellLng;
    private readonly Dictionary<(long, long), List<int>> _cells = [];
    private readonly List<GeoPoint> _representatives = [];

    public PointClusterer(double toleranceMeters, double maxAbsLatitude)
    {
        _toleranceMeters = toleranceMeters;
        _cellLat = Math.Max(toleranceMeters, 0.01) / MetersPerDegreeLat;
        // The widest-apart meridians are at the equator-most latitude, so the smallest cosine keeps every cell ≥ tolerance.
        var cos = Math.Max(Math.Cos(maxAbsLatitude * Math.PI / 180), 0.01);
        _cellLng = _cellLat / cos;
    }

    public int Count => _representatives.Count;

    public GeoPoint Representative(int cluster) => _representatives[cluster];

    public int GetOrAdd(GeoPoint point)
    {
        var cy = (long)Math.Floor(point.Lat / _cellLat);
        var cx = (long)Math.Floor(point.Lng / _cellLng);
        var best = -1;
        var bestDistance = double.MaxValue;
        for (var dy = -1; dy <= 1; dy++)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                if (!_cells.TryGetValue((cy + dy, cx + dx), out var members)) continue;
                foreach (var cluster in members)
                {
                    var distance = _representatives[cluster].DistanceMetersTo(point);
                    if (distance <= _toleranceMeters && distance < bestDistance)
                    {
                        best = cluster;
                        bestDistance = distance;
                    }
                }
            }
        }

        if (best >= 0) return best;
        var id = _representatives.Count;
        _representatives.Add(point);
        if (!_cells.TryGetValue((cy, cx), out var cell)) _cells[(cy, cx)] = cell = [];
        cell.Add(id);
        return id;
    }
}
