namespace TrafficOrleans.Routing.Sources;

/// <summary>Where the road graph comes from (<c>Routing:MapSource</c>).</summary>
public enum MapSource
{
    /// <summary>A saved HERE flow response: the flow segments' polylines joined at shared points.</summary>
    Here = 0,

    /// <summary>An OpenStreetMap Overpass API JSON response (drivable <c>highway=*</c> ways).</summary>
    Osm = 1,

    /// <summary>The generated synthetic city of the traffic simulator.</summary>
    Synthetic = 2,
}
