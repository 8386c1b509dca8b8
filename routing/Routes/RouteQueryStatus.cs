namespace TrafficOrleans.Routing.Routes;

/// <summary>Why a route query did or did not give routes (the API maps the failures to 422 with this reason).</summary>
public enum RouteQueryStatus
{
    /// <summary>A route was found.</summary>
    Found = 0,

    /// <summary>The origin is farther than the snap distance from every routable road.</summary>
    OriginOutsideMap = 1,

    /// <summary>The destination is farther than the snap distance from every routable road.</summary>
    DestinationOutsideMap = 2,

    /// <summary>Both points snapped but no path connects them.</summary>
    NoPath = 3,
}
