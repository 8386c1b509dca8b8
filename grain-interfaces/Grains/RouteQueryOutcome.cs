namespace TrafficOrleans.GrainInterfaces.Grains;

/// <summary>Whether a route query found routes, or which part failed.</summary>
public enum RouteQueryOutcome
{
    /// <summary>Routes found.</summary>
    Found = 0,

    /// <summary>The origin is too far from every routable road.</summary>
    OriginOutsideMap = 1,

    /// <summary>The destination is too far from every routable road.</summary>
    DestinationOutsideMap = 2,

    /// <summary>Both points are on the map but no path connects them.</summary>
    NoPath = 3,
}
