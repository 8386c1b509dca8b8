using System.Collections.Concurrent;
using System.Diagnostics;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.Grains.Roads;

namespace TrafficOrleans.Bench.Streams;

/// <summary>
/// Wraps the real predictor: the grain calls it exactly when it applies a reading, so the time since the
/// reading was produced is the produce→grain latency.
/// </summary>
public sealed class LatencyRecorder(Func<IRoadPredictor> inner) : IRoadPredictor
{
    private readonly ConcurrentDictionary<Guid, long> _producedAt = new();
    private readonly ConcurrentBag<double> _latenciesMs = [];

    public void Produced(Guid eventId) => _producedAt[eventId] = Stopwatch.GetTimestamp();

    public double[] TakeLatencies()
    {
        var values = _latenciesMs.ToArray();
        _latenciesMs.Clear();
        return values;
    }

    public RoadPrediction Predict(IReadOnlyList<TrafficReading> window, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(window);
        if (_producedAt.TryRemove(window[^1].EventId, out var producedAt))
        {
            _latenciesMs.Add(Stopwatch.GetElapsedTime(producedAt).TotalMilliseconds);
        }

        return inner().Predict(window, now);
    }
}
