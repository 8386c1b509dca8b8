using System.Diagnostics.Metrics;

namespace TrafficOrleans.Notifications;

/// <summary>Counters and timings of the notification rules, on the meter <c>TrafficOrleans.Notifications</c>.</summary>
public sealed class NotificationMetrics
{
    /// <summary>Meter name.</summary>
    public const string MeterName = "TrafficOrleans.Notifications";

    private readonly Counter<long> _evaluated;
    private readonly Counter<long> _raised;
    private readonly Counter<long> _deadLettered;
    private readonly Histogram<double> _batchWait;
    private readonly Histogram<double> _batchStore;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/> (which owns and disposes it).</summary>
    public NotificationMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
#pragma warning disable CA2000 // IMeterFactory owns the meters it creates and disposes them with the service provider.
        var meter = meterFactory.Create(MeterName);
#pragma warning restore CA2000
        _evaluated = meter.CreateCounter<long>("notifications.predictions.evaluated", "{prediction}", "Predictions the rules were run on.");
        _raised = meter.CreateCounter<long>("notifications.raised", "{notification}", "New notifications stored and queued for traffic-notifications, by alert type.");
        _deadLettered = meter.CreateCounter<long>("notifications.predictions.dead_lettered", "{message}", "Malformed prediction messages sent to the dead-letter topic, by category.");
        // Where an alert's time goes between traffic-predictions and the notifications table (push bench stage 2).
        _batchWait = meter.CreateHistogram<double>(
            "notifications.batch.wait", "ms", "From the produce of a batch's oldest prediction message to the start of the batch's store: fetch, batch window, earlier batches.");
        _batchStore = meter.CreateHistogram<double>(
            "notifications.batch.store", "ms", "One batch's store: recent routes, last alerts, rules, the notification + outbox transaction.");
    }

    internal void Evaluated(int count) => _evaluated.Add(count);

    internal void Raised(string alertType, long count) => _raised.Add(count, new KeyValuePair<string, object?>("alert_type", alertType));

    internal void BatchWaited(TimeSpan wait) => _batchWait.Record(wait.TotalMilliseconds);

    internal void BatchStored(TimeSpan took) => _batchStore.Record(took.TotalMilliseconds);

    internal void DeadLettered(string category) => _deadLettered.Add(1, new KeyValuePair<string, object?>("category", category));
}
