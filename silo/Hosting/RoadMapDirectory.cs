using TrafficOrleans.Notifications.Rules;
using TrafficOrleans.Roads;

namespace TrafficOrleans.Silo.Hosting;

/// <summary>The silo's road map as the alerts' road directory: every road's name, length and free-flow speed.</summary>
public static class RoadMapDirectory
{
    /// <summary>
    /// The directory of <paramref name="atlas"/>. Where a road id covers several segments the atlas already added their
    /// lengths up, so the delay is the one over the whole road.
    /// </summary>
    public static RoadDirectory From(RoadAtlas atlas)
    {
        ArgumentNullException.ThrowIfNull(atlas);
        return new(atlas.Roads.ToDictionary(
            road => road.RoadId,
            road => new RoadFacts(road.RoadName, road.LengthMeters, road.FreeFlowSpeedKmh),
            StringComparer.Ordinal));
    }
}
