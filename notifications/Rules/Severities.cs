using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Notifications.Rules;

/// <summary>How an alert is graded into one of the <see cref="AlertSeverities"/>.</summary>
public static class Severities
{
    /// <summary>
    /// Grades a predicted fall from <paramref name="current"/> to <paramref name="predicted"/> km/h in
    /// <paramref name="horizonMinutes"/>: how bad (the drop reaches <see cref="NotificationOptions.SevereDropRatio"/>)
    /// and how soon (within <see cref="NotificationOptions.SoonMinutes"/>) — both critical, one warning, neither info.
    /// </summary>
    public static string Grade(double current, double predicted, int horizonMinutes, NotificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var severe = DropRatio(current, predicted) >= options.SevereDropRatio;
        var soon = horizonMinutes <= options.SoonMinutes;
        return (severe, soon) switch
        {
            (true, true) => AlertSeverities.Critical,
            (false, false) => AlertSeverities.Info,
            _ => AlertSeverities.Warning,
        };
    }

    /// <summary>The share of <paramref name="current"/> lost at <paramref name="predicted"/> (0 when not slower).</summary>
    public static double DropRatio(double current, double predicted) =>
        current > 0 && predicted < current ? (current - predicted) / current : 0;
}
