using System.ComponentModel.DataAnnotations;

namespace TrafficOrleans.Api.Dashboard;

/// <summary>Settings of the web dashboard served at <c>/</c> (section <c>Dashboard</c>).</summary>
public sealed class DashboardOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Dashboard";

    /// <summary>
    /// Leaflet tile URL template (e.g. <c>https://tiles.example/{z}/{x}/{y}.png</c>) for deployments that have a tile
    /// server; unset: no tiles, roads drawn as vector lines on a plain background (works offline).
    /// </summary>
    public string? TileUrl { get; set; }

    /// <summary>Attribution shown for the tiles (required by most tile licences).</summary>
    public string TileAttribution { get; set; } = "";

    /// <summary>Age of the newest traffic data after which the map warns that it is stale (default 11 minutes: two 5-minute ticks missed).</summary>
    [Range(10, 86_400)]
    public int StaleAfterSeconds { get; set; } = 660;
}
