using System.Diagnostics.Metrics;
using TrafficOrleans.Grains.Roads;

namespace TrafficOrleans.Bench.Streams;

/// <summary>
/// Counts readings the road grains report as applied (<see cref="RoadMetrics.ReadingsApplied"/>), which they
/// do only after the reading, its prediction and the prediction's outbox row are committed in PostgreSQL.
/// </summary>
public sealed class AppliedReadingsListener : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;

    public AppliedReadingsListener()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "TrafficOrleans.Roads" && instrument.Name == "traffic.roads.readings.applied") listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
