using System.Diagnostics.Metrics;

namespace TrafficOrleans.Outbox;

/// <summary>Instruments of the outbox relay, on the meter <c>TrafficOrleans.Outbox</c>.</summary>
public sealed class OutboxMetrics
{
    /// <summary>Name of the meter.</summary>
    public const string MeterName = "TrafficOrleans.Outbox";

    private readonly Counter<long> _published;
    private readonly Counter<long> _failures;
    private readonly Counter<long> _reconciled;
    private long _unsentRows;
    private long _reconciledRows;
    private double _oldestUnsentSeconds;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/> (which owns and disposes it).</summary>
    public OutboxMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
#pragma warning disable CA2000 // IMeterFactory owns the meters it creates and disposes them with the service provider.
        var meter = meterFactory.Create(MeterName);
#pragma warning restore CA2000
        _published = meter.CreateCounter<long>("traffic.outbox.published", "{message}", "Outbox rows delivered to Kafka, by topic.");
        _failures = meter.CreateCounter<long>("traffic.outbox.failures", "{message}", "Outbox rows whose delivery failed (retried), by topic.");
        _reconciled = meter.CreateCounter<long>(
            "traffic.outbox.reconciled", "{row}", "Unsent outbox rows found already published when a relay read the log back (not published again).");
        meter.CreateObservableGauge("traffic.outbox.lag.rows", () => Volatile.Read(ref _unsentRows), "{row}", "Outbox rows not yet delivered.");
        meter.CreateObservableGauge("traffic.outbox.lag.age", () => Volatile.Read(ref _oldestUnsentSeconds), "s", "Age of the oldest undelivered outbox row.");
    }

    /// <summary>Undelivered rows at the last measurement.</summary>
    public long UnsentRows => Volatile.Read(ref _unsentRows);

    internal void Published(string topic, int count)
    {
        if (count > 0) _published.Add(count, new KeyValuePair<string, object?>("topic", topic));
    }

    internal void Failed(string topic, int count)
    {
        if (count > 0) _failures.Add(count, new KeyValuePair<string, object?>("topic", topic));
    }

    /// <summary>Unsent rows found already published in the log, since start.</summary>
    public long ReconciledRows => Interlocked.Read(ref _reconciledRows);

    internal void Reconciled(int count)
    {
        if (count <= 0) return;
        _reconciled.Add(count);
        Interlocked.Add(ref _reconciledRows, count);
    }

    internal void Lag(long rows, TimeSpan oldest)
    {
        Volatile.Write(ref _unsentRows, rows);
        Volatile.Write(ref _oldestUnsentSeconds, oldest.TotalSeconds);
    }
}
