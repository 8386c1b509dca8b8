using System.Diagnostics.Metrics;

namespace TrafficOrleans.Notifications;

/// <summary>Counters of the notification rules, on the meter <c>TrafficOrleans.Notifications</c>.</summary>
public sealed class NotificationMetrics
{
    /// <summary>Meter name.</summary>
    public const string MeterName = "TrafficOrleans.Notifications";

    private readonly Counter<long> _evaluated;
    private readonly Counter<long> _raised;
    private readonly Counter<long> _deadLettered;

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
    }

    internal void Evaluated(int count) => _evaluated.Add(count);

    internal void Raised(string alertType, long count) => _raised.Add(count, new KeyValuePair<string, object?>("alert_type", alertType));

    internal void DeadLettered(string category) => _deadLettered.Add(1, new KeyValuePair<string, object?>("category", category));
}
