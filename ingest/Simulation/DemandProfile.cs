namespace TrafficOrleans.Ingest.Simulation;

/// <summary>
/// How much demand slows the city at a local time, as a "depth" 0 (empty streets) … ~0.7 (peak rush):
/// quiet nights, a daytime plateau, sharp weekday peaks around 08:00 and 18:00, and lighter, flatter weekends.
/// </summary>
public static class DemandProfile
{
    /// <summary>The depth at a local wall-clock time.</summary>
    public static double Depth(DateTimeOffset localTime)
    {
        var hour = localTime.TimeOfDay.TotalHours;
        var day = Logistic((hour - 6.0) / 0.4) * Logistic((22.0 - hour) / 0.6);
        var weekend = localTime.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        if (weekend) return 0.03 + 0.12 * day + 0.08 * (Bump(hour, 10.5, 1.5) + Bump(hour, 17.5, 1.5));
        return 0.04 + 0.16 * day + 0.45 * (Bump(hour, 8.0, 0.55) + Bump(hour, 18.0, 0.6));
    }

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    private static double Bump(double hour, double center, double width)
    {
        var z = (hour - center) / width;
        return Math.Exp(-0.5 * z * z);
    }
}
