using TrafficOrleans.Notifications.Rules;
using TrafficOrleans.Routing.Sources;

namespace TrafficOrleans.Silo.Hosting;

/// <summary>The silo's road map as the alerts' road directory: every segment's name, length and free-flow speed.</summary>
public static class RoadMapDirectory
{
    /// <summary>
    /// Loads <paramref name="map"/>. Where a road id covers several segments their lengths add up, so the delay is
    /// the one over the whole road.
    /// </summary>
    public static RoadDirectory Load(RoadMapSelection map) => new(RoadMapLoader.Load(map)
        .GroupBy(segment => segment.RoadId, StringComparer.Ordinal)
        .ToDictionary(
            road => road.Key,
            road => new RoadFacts(road.First().RoadName, road.Sum(s => s.LengthMeters), road.First().FreeFlowSpeedKmh),
            StringComparer.Ordinal));
}
