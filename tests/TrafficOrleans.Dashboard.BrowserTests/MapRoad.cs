using System.Text.Json;

namespace TrafficOrleans.Dashboard.BrowserTests;

/// <summary>A road as <c>GET /roads</c> lists it (the fields the tests use).</summary>
public sealed record MapRoad(string RoadId, string RoadName, double FreeFlowSpeed)
{
    public static MapRoad From(JsonElement road) => new(
        road.GetProperty("road_id").GetString()!,
        road.GetProperty("road_name").GetString()!,
        road.GetProperty("free_flow_speed").GetDouble());
}
