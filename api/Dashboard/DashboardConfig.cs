namespace TrafficOrleans.Api.Dashboard;

/// <summary>Answer of <c>GET /dashboard/config</c>: what the dashboard's script needs from the silo's configuration.</summary>
public sealed record DashboardConfig(string? TileUrl, string TileAttribution, int StaleAfterSeconds);
