using System.Text.Json.Serialization;
using TrafficOrleans.Roads;

namespace TrafficOrleans.Api.Roads;

/// <summary>A road for a map: its facts and its polylines as <c>[[lat, lon], …]</c>, one per segment.</summary>
public sealed record RoadResponse(
    [property: JsonPropertyName("road_id")] string RoadId,
    [property: JsonPropertyName("road_name")] string RoadName,
    [property: JsonPropertyName("road_class")] int RoadClass,
    [property: JsonPropertyName("length_m")] double LengthMeters,
    [property: JsonPropertyName("free_flow_speed")] double FreeFlowSpeed,
    [property: JsonPropertyName("lines")] IReadOnlyList<double[][]> Lines)
{
    /// <summary>The response of an atlas road (coordinates rounded to 6 decimals, about 0.1 m).</summary>
    public static RoadResponse From(AtlasRoad road)
    {
        ArgumentNullException.ThrowIfNull(road);
        return new(road.RoadId, road.RoadName, road.FunctionalClass, Math.Round(road.LengthMeters, 1), road.FreeFlowSpeedKmh,
            [.. road.Lines.Select(line => line.Select(point => new[] { Math.Round(point.Lat, 6), Math.Round(point.Lng, 6) }).ToArray())]);
    }
}
