using TrafficOrleans.Roads.Synthetic;

namespace TrafficOrleans.Routing.Sources;

/// <summary>The map the routing graph is built from, after defaults were resolved.</summary>
/// <param name="Source">Kind of map.</param>
/// <param name="Path">File of a HERE or OSM map; null for the synthetic city.</param>
/// <param name="City">Shape of the synthetic city (used only for <see cref="MapSource.Synthetic"/>).</param>
public sealed record RoadMapSelection(MapSource Source, string? Path, SyntheticCityOptions City)
{
    /// <summary>Human-readable description for logs.</summary>
    public override string ToString() => Source == MapSource.Synthetic
        ? $"synthetic city {City.GridSize}×{City.GridSize}, {City.BlockMeters:0} m blocks"
        : $"{Source.ToString().ToLowerInvariant()} map {Path}";
}
