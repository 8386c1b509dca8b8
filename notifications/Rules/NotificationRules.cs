using System.Globalization;
using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Notifications.Rules;

/// <summary>
/// The notification rules, pure functions of one prediction and whether the road is currently alerted:
/// <list type="bullet">
/// <item><c>congestion-expected</c>: the road flows now (current ≥ <see cref="NotificationOptions.CongestionSpeedKmh"/>)
/// and some horizon is predicted below it; the earliest such horizon is reported.</item>
/// <item><c>sudden-slowdown</c>: the road flows now and some horizon loses at least
/// <see cref="NotificationOptions.SlowdownRatio"/> of the current speed; the worst horizon is reported.</item>
/// <item><c>recovery</c>: the road's last alert was one of the above, no horizon is below the congestion speed and
/// neither rule fires; the slowest horizon is reported.</item>
/// </list>
/// Predictions below <see cref="NotificationOptions.MinConfidence"/> raise nothing.
/// </summary>
public sealed class NotificationRules(NotificationOptions options)
{
    private static readonly int[] Horizons = [10, 20, 30];

    /// <summary>The alerts <paramref name="prediction"/> raises (none, one or two).</summary>
    public IReadOnlyList<TrafficNotification> Evaluate(RoadPrediction prediction, bool roadAlerted)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        if (prediction.PredictionConfidence < options.MinConfidence) return [];

        var alerts = new List<TrafficNotification>(2);
        var current = prediction.CurrentSpeed;
        var threshold = options.CongestionSpeedKmh;
        if (current >= threshold)
        {
            if (EarliestBelow(prediction, threshold) is { } congested)
            {
                var (minutes, speed) = congested;
                alerts.Add(Alert(prediction, AlertTypes.CongestionExpected, Severities.Grade(current, speed, minutes, options), speed, minutes,
                    $"Speed on {prediction.RoadId} expected to fall from {current:0} to {speed:0} km/h within {minutes} min"));
            }

            // The slowest horizon is the worst drop.
            var (worstMinutes, worstSpeed) = Slowest(prediction);
            var drop = Severities.DropRatio(current, worstSpeed);
            if (drop >= options.SlowdownRatio)
            {
                alerts.Add(Alert(prediction, AlertTypes.SuddenSlowdown, Severities.Grade(current, worstSpeed, worstMinutes, options), worstSpeed, worstMinutes,
                    $"Sudden slowdown on {prediction.RoadId}: speed expected to drop {drop:P0} from {current:0} to {worstSpeed:0} km/h within {worstMinutes} min"));
            }
        }

        if (alerts.Count == 0 && roadAlerted && EarliestBelow(prediction, threshold) is null)
        {
            var (minutes, slowest) = Slowest(prediction);
            alerts.Add(Alert(prediction, AlertTypes.Recovery, Severities.Info, slowest, minutes,
                $"Traffic on {prediction.RoadId} expected to recover: at least {slowest:0} km/h over the next 30 min (now {current:0} km/h)"));
        }

        return alerts;
    }

    private TrafficNotification Alert(RoadPrediction prediction, string alertType, string severity, double predicted, int minutes, FormattableString message) =>
        new(NotificationEventIds.For(prediction.RoadId, alertType, prediction.Timestamp, options.Cooldown),
            prediction.Timestamp,
            prediction.RoadId,
            alertType,
            severity,
            message.ToString(CultureInfo.InvariantCulture),
            prediction.CurrentSpeed,
            predicted,
            minutes,
            prediction.ModelVersion);

    private static (int Minutes, double Speed)? EarliestBelow(RoadPrediction prediction, double threshold)
    {
        foreach (var minutes in Horizons)
        {
            var speed = At(prediction, minutes);
            if (speed < threshold) return (minutes, speed);
        }

        return null;
    }

    // Ties go to the earliest horizon.
    private static (int Minutes, double Speed) Slowest(RoadPrediction prediction)
    {
        var best = (Minutes: Horizons[0], Speed: At(prediction, Horizons[0]));
        foreach (var minutes in Horizons)
        {
            var speed = At(prediction, minutes);
            if (speed < best.Speed) best = (minutes, speed);
        }

        return best;
    }

    private static double At(RoadPrediction prediction, int minutes) => minutes switch
    {
        10 => prediction.PredictedSpeed10Min,
        20 => prediction.PredictedSpeed20Min,
        _ => prediction.PredictedSpeed30Min,
    };
}
