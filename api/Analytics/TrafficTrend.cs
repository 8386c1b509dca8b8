namespace TrafficOrleans.Api.Analytics;

/// <summary>One hour of a road's history.</summary>
/// <param name="Hour">Start of the hour (UTC).</param>
/// <param name="AverageSpeed">Mean speed (km/h).</param>
/// <param name="AverageSpeedRatio">Mean speed / free-flow speed.</param>
/// <param name="AverageJamFactor">Mean HERE jam factor (0–10).</param>
/// <param name="CongestionLevel">Most frequent congestion level of the hour.</param>
/// <param name="Readings">Readings in the hour.</param>
public sealed record TrafficTrend(
    DateTimeOffset Hour, double AverageSpeed, double AverageSpeedRatio, double AverageJamFactor, string CongestionLevel, long Readings);
