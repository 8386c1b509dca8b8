using System.ComponentModel.DataAnnotations;

namespace TrafficOrleans.Notifications;

/// <summary>Notification rules and their consumer (configuration section <c>Notifications</c>).</summary>
public sealed class NotificationOptions
{
    /// <summary>Configuration section.</summary>
    public const string SectionName = "Notifications";

    /// <summary>Run the notification consumer on this silo.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Consumer group of the notification consumers (one member per silo).</summary>
    [Required]
    public string ConsumerGroup { get; set; } = "notification-group";

    /// <summary>A batch is written when it holds this many predictions…</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// …or when its first prediction has waited this long, whichever comes first. Short because every alert waits
    /// for it (the push target is 1 s end to end); under load the batches fill up to <see cref="BatchSize"/> first anyway,
    /// and while one batch is stored the next keeps growing. At 100 ms the window was most of a tick's wait before the
    /// rules (push bench, product load: 2b p50 ~100 ms, ~30 ms at 20 ms).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan BatchWindow { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>Speed (km/h) below which a road counts as congested (<c>heavy_congestion</c>, <c>cleared</c>).</summary>
    [Range(0.1, 200)]
    public double CongestionSpeedKmh { get; set; } = 15;

    /// <summary>A 10-minute prediction that loses more than this share of the current speed is a <c>sudden_jam</c> (0.5 = 50 %).</summary>
    [Range(0.01, 1)]
    public double SuddenJamRatio { get; set; } = 0.5;

    /// <summary>A reading whose jam factor (0–10) is above this is <c>severe_traffic</c>.</summary>
    [Range(0.1, 10)]
    public double SevereJamFactor { get; set; } = 3.0;

    /// <summary>Fractional drop from the current speed that counts as severe when grading an alert.</summary>
    [Range(0.01, 1)]
    public double SevereDropRatio { get; set; } = 0.6;

    /// <summary>Horizons up to this many minutes away count as soon when grading an alert.</summary>
    [Range(10, 30)]
    public int SoonMinutes { get; set; } = 10;

    /// <summary>Predictions less confident than this raise nothing.</summary>
    [Range(0, 1)]
    public double MinConfidence { get; set; } = 0.5;

    /// <summary>At most one alert of a type per road per cooldown window (windows aligned to the Unix epoch).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan Cooldown { get; set; } = TimeSpan.FromMinutes(15);
}
