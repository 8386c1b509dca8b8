namespace TrafficOrleans.Routing.Spatial;

/// <summary>The nearest node to a query point.</summary>
/// <param name="Node">Node index.</param>
/// <param name="DistanceMeters">Great-circle distance from the query point.</param>
public readonly record struct NodeSnap(int Node, double DistanceMeters);
