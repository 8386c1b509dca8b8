using TrafficOrleans.Roads;

namespace TrafficOrleans.Routing.Spatial;

/// <summary>Where a point lands on the nearest edge.</summary>
/// <param name="Edge">Edge index.</param>
/// <param name="Point">The closest point on the edge's polyline.</param>
/// <param name="DistanceMeters">From the query point to <paramref name="Point"/>.</param>
/// <param name="Fraction">Position along the edge, 0 at its tail node, 1 at its head node.</param>
public readonly record struct EdgeSnap(int Edge, GeoPoint Point, double DistanceMeters, double Fraction);
