namespace TrafficOrleans.Routing.Routes;

/// <summary>
/// A run of consecutive edges with the same road name and how much slower it is than free flow.
/// </summary>
/// <param name="RoadName">Road name.</param>
/// <param name="DistanceKm">Length of the stretch.</param>
/// <param name="EtaMinutes">Expected time on it (time-dependent).</param>
/// <param name="FreeFlowMinutes">Time on it at free-flow speeds.</param>
public sealed record CongestionStretch(string RoadName, double DistanceKm, double EtaMinutes, double FreeFlowMinutes)
{
    /// <summary>Extra minutes versus free flow (never negative).</summary>
    public double DelayMinutes => Math.Max(0, EtaMinutes - FreeFlowMinutes);

    /// <summary>Free-flow time over expected time: 1 is free, small is jammed.</summary>
    public double SpeedRatio => EtaMinutes <= 0 ? 1 : Math.Min(1, FreeFlowMinutes / EtaMinutes);
}
