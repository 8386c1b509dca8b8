namespace TrafficOrleans.Routing.Routes;

/// <summary>Tuning of <see cref="RoutePlanner"/>.</summary>
public sealed record RoutePlannerOptions
{
    /// <summary>Farthest a query point may be from a routable node.</summary>
    public double MaxSnapMeters { get; init; } = 500;

    /// <summary>An alternative may take at most this times the best route's ETA.</summary>
    public double MaxStretch { get; init; } = 1.5;

    /// <summary>An alternative may share at most this fraction of its length with each route already chosen.</summary>
    public double MaxOverlap { get; init; } = 0.7;

    /// <summary>Factor multiplied onto the cost of every edge of each route found, before searching again.</summary>
    public double Penalty { get; init; } = 1.4;

    /// <summary>
    /// Weight of the bound in the alternatives' A* (≥ 1): they take a path within this factor of the cheapest
    /// penalised one and settle far fewer nodes (1.2 on the 100k grid: 6× fewer, mean stretch 1.09 instead of 1.07).
    /// </summary>
    public double AlternativeSearchWeight { get; init; } = 1.2;

    /// <summary>Penalised searches per query at most, whether or not they yield an accepted alternative.</summary>
    public int MaxAlternativeSearches { get; init; } = 8;
}
