using System.ComponentModel.DataAnnotations;

namespace TrafficOrleans.Outbox;

/// <summary>Outbox relay settings (configuration section <c>Outbox</c>).</summary>
public sealed class OutboxOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Outbox";

    /// <summary>Rows claimed and produced per round trip.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 5000;

    /// <summary>
    /// How long the relay waits for new rows when nothing wakes it. Commits of every process wake it through
    /// PostgreSQL <c>NOTIFY</c>, so this is only the safety net for a lost notification.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan IdleDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>First wait after a failed round; doubles per consecutive failure.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between failed rounds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the relay's <c>LISTEN</c> connection tries to reconnect while PostgreSQL is unreachable.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan ListenerProbeInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a relay may take to read the log back before its first round or after a round that did not end
    /// cleanly (<see cref="OutboxReconciler"/>); past it the round fails and is retried.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ReconcileTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Messages read back on a partition for which no committed round recorded where it ended (a new deployment).
    /// </summary>
    [Range(0, 10_000_000)]
    public int ReconcileWindow { get; set; } = 20_000;

    /// <summary>Sent rows older than this are deleted (they are only kept for inspection and de-duplication).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often sent rows past <see cref="Retention"/> are deleted.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(10);
}
