using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace TrafficOrleans.Bench.Push;

/// <summary>
/// Listens to the push histograms of the silo running in this process (meter <c>TrafficOrleans.Push</c>):
/// <c>push.alert.bridge_lag</c> (relay's produce → this silo's bridge) and <c>push.alert.queue_time</c> (queued for a
/// connection → written to it), and the notification rules' <c>notifications.batch.wait</c> and
/// <c>notifications.batch.store</c> (per batch, not per alert).
/// </summary>
public sealed class StageProbe : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<double>> _samples = new(StringComparer.Ordinal);

    /// <summary>Starts listening.</summary>
    public StageProbe()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if ((instrument.Meter.Name == "TrafficOrleans.Push" && instrument.Name.StartsWith("push.alert.", StringComparison.Ordinal))
                || (instrument.Meter.Name == "TrafficOrleans.Notifications" && instrument.Name.StartsWith("notifications.batch.", StringComparison.Ordinal)))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
            _samples.GetOrAdd(instrument.Name, _ => new ConcurrentQueue<double>()).Enqueue(value));
        _listener.Start();
    }

    /// <summary>The values of <paramref name="instrument"/> recorded since the last call, and forgets them.</summary>
    public double[] Take(string instrument)
    {
        var taken = new List<double>();
        if (_samples.TryGetValue(instrument, out var queue))
        {
            while (queue.TryDequeue(out var value)) taken.Add(value);
        }

        return [.. taken];
    }

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();
}
