namespace TrafficOrleans.Forecasting.Features;

/// <summary>Hanoi local time (Asia/Ho_Chi_Minh, UTC+7, no DST) and time-of-week slots of it.</summary>
public static class TimeOfWeek
{
    private static readonly TimeZoneInfo Zone = FindZone();

    /// <summary>Minutes in a week.</summary>
    public const int MinutesPerWeek = 7 * 24 * 60;

    /// <summary>Local Hanoi time of a UTC instant.</summary>
    public static DateTime Local(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, Zone).DateTime;

    /// <summary>Slot index within the local week (Sunday 00:00 = slot 0) for slots of the given width.</summary>
    public static int Slot(DateTimeOffset utc, int slotMinutes)
    {
        var local = Local(utc);
        var minute = ((int)local.DayOfWeek * 24 * 60) + (local.Hour * 60) + local.Minute;
        return minute / slotMinutes;
    }

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (TimeZoneNotFoundException)
        {
            // Containers without tzdata: Vietnam has had no DST since 1975, a fixed offset is exact.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Ho_Chi_Minh", TimeSpan.FromHours(7), "Indochina Time", "ICT");
        }
    }
}
