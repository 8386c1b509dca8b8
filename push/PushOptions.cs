using System.ComponentModel.DataAnnotations;

namespace TrafficOrleans.Push;

/// <summary>Settings of the push channels (configuration section <c>Push</c>).</summary>
public sealed class PushOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Push";

    /// <summary>False on a host that serves no push clients (its bridge consumers then do not run).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// <c>trafficUpdated</c>/<c>graphUpdated</c> messages queued per connection; beyond it the oldest is dropped (a newer
    /// tick supersedes it).
    /// </summary>
    [Range(1, 1_000)]
    public int UpdateBufferPerConnection { get; set; } = 4;

    /// <summary>
    /// Alerts queued for one connection before it is disconnected as too slow. Alerts are never dropped: a client that
    /// cannot keep up is cut off and, reconnecting, asks <c>GetAlertsSince</c> for what it missed.
    /// </summary>
    [Range(1, 1_000_000)]
    public int AlertBacklogLimit { get; set; } = 10_000;

    /// <summary>Most alerts one <c>GetAlertsSince</c> call returns (the oldest first).</summary>
    [Range(1, 10_000)]
    public int AlertsSinceLimit { get; set; } = 500;

    /// <summary>
    /// How far back <c>GetAlertsSince</c> reaches, in wall-clock time since an alert was stored (not the traffic clock,
    /// which a simulator may run ahead): alerts stored earlier are not returned.
    /// </summary>
    public TimeSpan AlertsSinceMaxAge { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// The bridge's batch window on <c>traffic-predictions</c>: a tick's predictions that arrive within it go out as one
    /// <c>trafficUpdated</c> per client.
    /// </summary>
    public TimeSpan PredictionBatchWindow { get; set; } = TimeSpan.FromSeconds(1);
}
