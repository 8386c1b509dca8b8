using System.Text.Json.Serialization;

namespace TrafficOrleans.Api.Analytics;

/// <summary>
/// <c>GET /analytics/trends</c>: the city (or one road) over a period, from the hourly rollups.
/// </summary>
/// <param name="From">Start of the period (UTC, inclusive).</param>
/// <param name="To">End of the period (UTC, exclusive).</param>
/// <param name="RoadId">The road the figures are for, or null for the whole city.</param>
/// <param name="HourlyAvgSpeed">Average speed of every hour of the period that has readings.</param>
/// <param name="RushHourPatterns">Average speed and congestion share by weekday and hour of the day (city time).</param>
/// <param name="TopCongestedRoads">The roads most often congested in the period, worst first.</param>
public sealed record CityTrends(
    [property: JsonPropertyName("from")] DateTimeOffset From,
    [property: JsonPropertyName("to")] DateTimeOffset To,
    [property: JsonPropertyName("road_id")] string? RoadId,
    [property: JsonPropertyName("hourly_avg_speed")] IReadOnlyList<HourlySpeed> HourlyAvgSpeed,
    [property: JsonPropertyName("rush_hour_patterns")] IReadOnlyList<WeekHourPattern> RushHourPatterns,
    [property: JsonPropertyName("top_congested_roads")] IReadOnlyList<CongestedRoad> TopCongestedRoads);

/// <summary>One hour's average speed (km/h) over the readings of that hour.</summary>
public sealed record HourlySpeed(
    [property: JsonPropertyName("hour")] DateTimeOffset Hour,
    [property: JsonPropertyName("speed")] double Speed,
    [property: JsonPropertyName("readings")] long Readings);

/// <summary>
/// A weekday (ISO: 1 = Monday … 7 = Sunday) and hour of the day in the city's time zone: average speed and the share of
/// readings that were heavy or severe congestion.
/// </summary>
public sealed record WeekHourPattern(
    [property: JsonPropertyName("weekday")] int Weekday,
    [property: JsonPropertyName("hour")] int Hour,
    [property: JsonPropertyName("avg_speed")] double AverageSpeed,
    [property: JsonPropertyName("congested_share")] double CongestedShare,
    [property: JsonPropertyName("readings")] long Readings);

/// <summary>A road's congestion over the period: average speed, share of heavy/severe readings, average jam factor.</summary>
public sealed record CongestedRoad(
    [property: JsonPropertyName("road_id")] string RoadId,
    [property: JsonPropertyName("road_name")] string RoadName,
    [property: JsonPropertyName("avg_speed")] double AverageSpeed,
    [property: JsonPropertyName("congested_share")] double CongestedShare,
    [property: JsonPropertyName("avg_jam_factor")] double AverageJamFactor,
    [property: JsonPropertyName("readings")] long Readings);
