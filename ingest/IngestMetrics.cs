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

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/> (or a plain meter without DI).</summary>
    public IngestMetrics(IMeterFactory? meterFactory = null)
    {
        var meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _accepted = meter.CreateCounter<long>("traffic.ingest.readings.accepted", "{reading}", "Readings that passed validation.");
        _rejected = meter.CreateCounter<long>("traffic.ingest.readings.rejected", "{reading}", "Readings rejected, by reason.");
        _sourceFailures = meter.CreateCounter<long>("traffic.ingest.source.failures", "{request}", "Failed requests to an external source, by kind.");
    }

    internal void Accepted(string source, int count)
    {
        if (count > 0) _accepted.Add(count, new KeyValuePair<string, object?>("source", source));
    }

    internal void Rejected(string source, RejectionReason reason, int count) =>
        _rejected.Add(count, new KeyValuePair<string, object?>("source", source), new KeyValuePair<string, object?>("reason", RejectionReasons.Name(reason)));

    internal void SourceFailed(string source, string kind) =>
        _sourceFailures.Add(1, new KeyValuePair<string, object?>("source", source), new KeyValuePair<string, object?>("kind", kind));
}
