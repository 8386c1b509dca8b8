namespace TrafficOrleans.Forecasting.Features;

/// <summary>Hanoi local time (Asia/Ho_Chi_Minh, UTC+7, no DST) and time-of-week slots of it.</summary>
public static class TimeOfWeek
{
    /// <summary>Minutes in a week.</summary>
    public const int MinutesPerWeek = 7 * 24 * 60;

    /// <summary>
    /// Hanoi's offset. Vietnam has kept UTC+7 without DST since 1975, so adding a constant is exact and avoids a
    /// time-zone lookup on the inference hot path (it was 5 conversions per tree forecast).
    /// </summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    private const long TicksPerMinute = TimeSpan.TicksPerMinute;

    /// <summary>Local Hanoi time of a UTC instant.</summary>
    public static DateTime Local(DateTimeOffset utc) => new(utc.UtcTicks + Offset.Ticks, DateTimeKind.Unspecified);

    /// <summary>Slot index within the local week (Sunday 00:00 = slot 0) for slots of the given width.</summary>
    public static int Slot(DateTimeOffset utc, int slotMinutes) => MinuteOfWeek(utc) / slotMinutes;

    /// <summary>Minute within the local week (Sunday 00:00 = 0), by integer arithmetic on ticks.</summary>
    public static int MinuteOfWeek(DateTimeOffset utc)
    {
        // 0001-01-01 was a Monday, so minute 0 of the tick count is Monday 00:00; shift so Sunday is 0.
        var minutes = (utc.UtcTicks + Offset.Ticks) / TicksPerMinute;
        return (int)((minutes + (24 * 60)) % MinutesPerWeek);
    }
}
