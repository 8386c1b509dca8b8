using System.Diagnostics.Metrics;
using TrafficOrleans.Ingest.Preprocessing;

namespace TrafficOrleans.Ingest;

/// <summary>Counters of the ingestion, on the meter <c>TrafficOrleans.Ingest</c>.</summary>
public sealed class IngestMetrics
{
    /// <summary>Name of the meter.</summary>
    public const string MeterName = "TrafficOrleans.Ingest";

    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _sourceFailures;
    private readonly Histogram<int> _readingsPerPoll;
    private readonly Histogram<double> _pollDuration;
    private readonly Counter<long> _pollFailures;
    private readonly Counter<long> _skippedTicks;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/> (which owns and disposes it).</summary>
    public IngestMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
#pragma warning disable CA2000 // IMeterFactory owns the meters it creates and disposes them with the service provider.
        var meter = meterFactory.Create(MeterName);
#pragma warning restore CA2000
        _accepted = meter.CreateCounter<long>("traffic.ingest.readings.accepted", "{reading}", "Readings that passed validation.");
        _rejected = meter.CreateCounter<long>("traffic.ingest.readings.rejected", "{reading}", "Readings rejected, by reason.");
        _sourceFailures = meter.CreateCounter<long>("traffic.ingest.source.failures", "{request}", "Failed requests to an external source, by kind.");
        _readingsPerPoll = meter.CreateHistogram<int>("traffic.ingest.poll.readings", "{reading}", "Valid readings per poll.");
        _pollDuration = meter.CreateHistogram<double>("traffic.ingest.poll.duration", "s", "Duration of a poll including the dual write.");
        _pollFailures = meter.CreateCounter<long>("traffic.ingest.poll.failures", "{poll}", "Polls that failed (source or database).");
        _skippedTicks = meter.CreateCounter<long>("traffic.ingest.ticks.skipped", "{tick}", "Ticks not polled because the previous poll was still running.");
    }

    internal void Accepted(string source, int count)
    {
        if (count > 0) _accepted.Add(count, new KeyValuePair<string, object?>("source", source));
    }

    internal void Rejected(string source, RejectionReason reason, int count) =>
        _rejected.Add(count, new KeyValuePair<string, object?>("source", source), new KeyValuePair<string, object?>("reason", RejectionReasons.Name(reason)));

    internal void SourceFailed(string source, string kind) =>
        _sourceFailures.Add(1, new KeyValuePair<string, object?>("source", source), new KeyValuePair<string, object?>("kind", kind));

    internal void Polled(string source, int readings, TimeSpan duration)
    {
        var tag = new KeyValuePair<string, object?>("source", source);
        _readingsPerPoll.Record(readings, tag);
        _pollDuration.Record(duration.TotalSeconds, tag);
    }

    internal void PollFailed(string source) => _pollFailures.Add(1, new KeyValuePair<string, object?>("source", source));

    internal void TicksSkipped(string source, long count) => _skippedTicks.Add(count, new KeyValuePair<string, object?>("source", source));
}
