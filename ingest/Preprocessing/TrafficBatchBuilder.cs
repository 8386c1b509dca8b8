using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Ingest.Preprocessing;

/// <summary>
/// Collects the readings of one poll through the <see cref="ReadingPreprocessor"/>; every input ends up
/// accepted or rejected. <see cref="Build"/> records the metrics and logs the rejections. Not thread-safe.
/// </summary>
public sealed class TrafficBatchBuilder
{
    private readonly ReadingPreprocessor _preprocessor;
    private readonly string _source;
    private readonly DateTimeOffset _observedAt;
    private readonly List<TrafficReading> _readings;
    private readonly List<RejectedReading> _rejected = [];

    internal TrafficBatchBuilder(ReadingPreprocessor preprocessor, string source, DateTimeOffset observedAt, int capacity)
    {
        _preprocessor = preprocessor;
        _source = source;
        _observedAt = observedAt;
        _readings = new List<TrafficReading>(capacity);
    }

    /// <summary>
    /// Validates and adds one reading. <paramref name="payload"/> renders the original input from
    /// <paramref name="state"/> and runs only when the reading is rejected, so valid readings cost nothing extra.
    /// </summary>
    public void Add<TState>(in RawReading raw, TState state, Func<TState, string> payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (_preprocessor.TryProcess(raw, out var reading, out var reason, out var detail))
        {
            _readings.Add(reading!);
        }
        else
        {
            Reject(reason, detail, raw.RoadId, payload(state));
        }
    }

    /// <summary>Records input that never became a <see cref="RawReading"/> (unparsable line, item without road).</summary>
    public void Reject(RejectionReason reason, string detail, string? roadId, string payload)
    {
        _rejected.Add(new RejectedReading(_source, _observedAt, string.IsNullOrWhiteSpace(roadId) ? null : roadId, reason, detail, payload));
        _preprocessor.LogRejected(_source, roadId, RejectionReasons.Name(reason), detail);
    }

    /// <summary>The batch; counts accepted and rejected readings on the ingest meter.</summary>
    public TrafficBatch Build()
    {
        var metrics = _preprocessor.Metrics;
        metrics.Accepted(_source, _readings.Count);
        if (_rejected.Count > 0)
        {
            foreach (var group in _rejected.GroupBy(r => r.Reason)) metrics.Rejected(_source, group.Key, group.Count());
            var first = _rejected[0];
            _preprocessor.LogBatchRejections(_source, _observedAt, _readings.Count, _rejected.Count, RejectionReasons.Name(first.Reason), first.Detail);
        }

        return new TrafficBatch(_source, _observedAt, _readings, _rejected);
    }
}
