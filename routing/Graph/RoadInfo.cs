namespace TrafficOrleans.Routing.Graph;

/// <summary>What the graph keeps of a road (one <see cref="Roads.RoadSegment"/>, or several with the same id).</summary>
/// <param name="RoadId">The stable road id every component agrees on.</param>
/// <param name="RoadName">Human name shown in waypoints and congestion summaries.</param>
/// <param name="FunctionalClass">1 (major) … 5 (local).</param>
/// <param name="FreeFlowSpeedKmh">Uncongested speed; a class default when the source had none.</param>
public readonly record struct RoadInfo(string RoadId, string RoadName, int FunctionalClass, float FreeFlowSpeedKmh);
