namespace TrafficOrleans.Routing.Routes;

/// <summary>One route: geometry with road names, length, time-dependent ETA and where it is congested.</summary>
/// <param name="Edges">Edge indices in travel order (stable only for the graph it came from).</param>
/// <param name="Waypoints">Node and shape points in travel order.</param>
/// <param name="DistanceKm">Total length.</param>
/// <param name="EtaMinutes">Expected travel time with the forecast speeds.</param>
/// <param name="EtaLowMinutes">Travel time at the high ends of the roads' 10–90 % speed ranges, in the same forecast
/// buckets as <paramref name="EtaMinutes"/>; equal to it where no road of the route has a range.</param>
/// <param name="EtaHighMinutes">Travel time at the low ends of those ranges.</param>
/// <param name="FreeFlowMinutes">Travel time at free-flow speeds.</param>
/// <param name="WorstStretch">The stretch with the largest delay, or null for an empty route.</param>
/// <param name="CongestionSummary">E.g. "Heavy on Kim Ma, +6 min".</param>
public sealed record Route(
    IReadOnlyList<int> Edges,
    IReadOnlyList<RouteWaypoint> Waypoints,
    double DistanceKm,
    double EtaMinutes,
    double EtaLowMinutes,
    double EtaHighMinutes,
    double FreeFlowMinutes,
    CongestionStretch? WorstStretch,
    string CongestionSummary);
