namespace TrafficOrleans.Ingest.Preprocessing;

/// <summary>Local time of the city: rush hours and the time zone lookup.</summary>
public sealed class CityTime
{
    /// <summary>Creates the calendar for an IANA zone id.</summary>
    public CityTime(string timeZoneId) => Zone = FindZone(timeZoneId);

    /// <summary>The city's zone.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>Local wall-clock time of an instant.</summary>
    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>Rush hours as the original design defines them: local 07:00–08:59 and 17:00–18:59, every day.</summary>
    public bool IsRushHour(DateTimeOffset instant)
    {
        var hour = ToLocal(instant).Hour;
        return hour is 7 or 8 or 17 or 18;
    }

    /// <summary>
    /// The zone, or for Asia/Ho_Chi_Minh a fixed UTC+7 (Vietnam has no DST) when the machine lacks tzdata —
    /// slim containers often do, and the product must not fail to start for it.
    /// </summary>
    private static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException) when (id == "Asia/Ho_Chi_Minh")
        {
            return TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(7), "Indochina Time", "Indochina Time");
        }
    }
}
