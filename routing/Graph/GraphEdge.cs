namespace TrafficOrleans.Routing.Graph;

/// <summary>
/// The cold part of a directed edge (the hot part, the head node, lives in <see cref="RoadGraph.Heads"/>).
/// </summary>
/// <param name="From">Tail node.</param>
/// <param name="Road">Index of the road (see <see cref="RoadGraph.RoadIdOf"/>) this edge is a piece of.</param>
/// <param name="LengthMeters">Length along the road.</param>
/// <param name="ShapeStart">First intermediate shape point in <see cref="RoadGraph.ShapePoints"/>.</param>
/// <param name="ShapeCount">Number of intermediate shape points (the end nodes are not repeated).</param>
public readonly record struct GraphEdge(int From, int Road, float LengthMeters, int ShapeStart, int ShapeCount);
