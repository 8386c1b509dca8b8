using TrafficOrleans.Forecasting.Features;

namespace TrafficOrleans.Grains.Forecasting;

/// <summary>When the weekly retraining runs: Sunday 02:00 in Hanoi (Asia/Ho_Chi_Minh), the quietest hour of the week.</summary>
public static class RetrainingSchedule
{
    /// <summary>Reminder period.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromDays(7);

    /// <summary>The next Sunday 02:00 Hanoi time strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset Next(DateTimeOffset now)
    {
        var local = now.ToOffset(TimeOfWeek.Offset);
        var daysUntilSunday = ((int)DayOfWeek.Sunday - (int)local.DayOfWeek + 7) % 7;
        var candidate = new DateTimeOffset(local.Date, TimeOfWeek.Offset).AddDays(daysUntilSunday).AddHours(2);
        return candidate > now ? candidate : candidate.AddDays(7);
    }
}
