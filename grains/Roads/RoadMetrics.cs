using System.Diagnostics.Metrics;

namespace TrafficOrleans.Grains.Roads;

/// <summary>Counters of the road grains (meter <c>TrafficOrleans.Roads</c>), one instance per silo.</summary>
public sealed class RoadMetrics
{
    /// <summary>Meter name.</summary>
    public const string MeterName = "TrafficOrleans.Roads";

    /// <summary>Creates the counters on a meter of <paramref name="meterFactory"/> (which owns and disposes it).</summary>
    public RoadMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
#pragma warning disable CA2000 // IMeterFactory owns the meters it creates and disposes them with the service provider.
        var meter = meterFactory.Create(MeterName);
#pragma warning restore CA2000
        ReadingsApplied = meter.CreateCounter<long>("traffic.roads.readings.applied", "{reading}");
        ReadingsRejected = meter.CreateCounter<long>("traffic.roads.readings.rejected", "{reading}");
        ReadingsIgnored = meter.CreateCounter<long>("traffic.roads.readings.ignored", "{reading}");
    }

    /// <summary>Readings applied (forecast, published and stored).</summary>
    public Counter<long> ReadingsApplied { get; }

    /// <summary>Readings dead-lettered after failing on their own.</summary>
    public Counter<long> ReadingsRejected { get; }

    /// <summary>Readings ignored, tagged by reason (duplicate or out of order, another road's).</summary>
    public Counter<long> ReadingsIgnored { get; }
}
