namespace TrafficOrleans.Notifications.Rules;

/// <summary>What an alert's message needs to know of a road.</summary>
/// <param name="Name">Human name; empty when the map has none.</param>
/// <param name="LengthMeters">Length along the road.</param>
/// <param name="FreeFlowSpeedKmh">Uncongested speed.</param>
public sealed record RoadFacts(string Name, double LengthMeters, double FreeFlowSpeedKmh)
{
    /// <summary>
    /// Extra minutes to drive the road at <paramref name="speedKmh"/> rather than free flow, never negative;
    /// null when the length or speeds do not allow a travel time.
    /// </summary>
    public double? DelayMinutes(double speedKmh)
    {
        if (LengthMeters <= 0 || FreeFlowSpeedKmh <= 0 || speedKmh <= 0) return null;
        var hours = LengthMeters / 1000 * ((1 / speedKmh) - (1 / FreeFlowSpeedKmh));
        return Math.Max(0, hours * 60);
    }
}
