namespace TrafficOrleans.Api.Dashboard;

/// <summary>Answer of <c>GET /dashboard/config</c>: what the dashboard's script needs from the silo's configuration.</summary>
/// <param name="TileUrl">Tile URL template, or null for the offline vector map.</param>
/// <param name="TileAttribution">Attribution of the tiles.</param>
/// <param name="StaleAfterSeconds">Data older than this is flagged stale.</param>
/// <param name="SystemStatusAvailable">Whether this silo maps <c>GET /system/status</c> (the System page asks only then).</param>
public sealed record DashboardConfig(string? TileUrl, string TileAttribution, int StaleAfterSeconds, bool SystemStatusAvailable);
