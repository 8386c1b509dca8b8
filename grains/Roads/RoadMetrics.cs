using System.Diagnostics.Metrics;

namespace TrafficOrleans.Grains.Roads;

/// <summary>Counters of the road grains (meter <c>TrafficOrleans.Roads</c>).</summary>
public static class RoadMetrics
{
    private static readonly Meter Meter = new("TrafficOrleans.Roads");

    /// <summary>Readings applied and predicted.</summary>
    public static readonly Counter<long> ReadingsApplied = Meter.CreateCounter<long>("traffic.roads.readings.applied", "{reading}");

    /// <summary>Readings that failed on their own, again and again, and were dead-lettered.</summary>
    public static readonly Counter<long> ReadingsRejected = Meter.CreateCounter<long>("traffic.roads.readings.rejected", "{reading}");

    /// <summary>Readings ignored, tagged by reason (duplicate-or-out-of-order, road-mismatch).</summary>
    public static readonly Counter<long> ReadingsIgnored = Meter.CreateCounter<long>("traffic.roads.readings.ignored", "{reading}");
}
