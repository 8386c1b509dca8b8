namespace TrafficOrleans.Routing.Sources;

/// <summary>Which map the routing graph is built from (section <c>Routing</c>).</summary>
public sealed class RoutingMapOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Routing";

    /// <summary><c>here</c>, <c>osm</c> or <c>synthetic</c>; unset: the simulator's road set.</summary>
    public MapSource? MapSource { get; set; }

    /// <summary>The HERE flow response or Overpass JSON file (for <c>here</c> and <c>osm</c>).</summary>
    public string? MapPath { get; set; }
}
