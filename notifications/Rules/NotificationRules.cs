using System.Globalization;
using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Notifications.Rules;

/// <summary>
/// The product's alert rules, pure functions of one prediction and whether the road is currently alerted:
/// <list type="bullet">
/// <item><c>heavy_congestion</c>: the road flows now (current ≥ <see cref="NotificationOptions.CongestionSpeedKmh"/>)
/// and the 10-minute prediction is below it.</item>
/// <item><c>sudden_jam</c>: the 10-minute prediction loses more than <see cref="NotificationOptions.SuddenJamRatio"/>
/// of the current speed.</item>
/// <item><c>severe_traffic</c>: the reading's jam factor is above <see cref="NotificationOptions.SevereJamFactor"/>.</item>
/// <item><c>cleared</c>: the road's last alert was one of the above, no horizon is below the congestion speed, the
/// jam factor is not severe and nothing else fires; the slowest horizon is reported.</item>
/// </list>
/// Predictions below <see cref="NotificationOptions.MinConfidence"/> raise nothing. Messages name the road by its
/// map name and give the delay at the predicted speed versus free flow (<see cref="RoadFacts.DelayMinutes"/>).
/// </summary>
public sealed class NotificationRules(NotificationOptions options, IRoadDirectory roads)
{
    private const int Horizon = 10;
    private static readonly int[] Horizons = [10, 20, 30];

    /// <summary>The alerts <paramref name="prediction"/> raises (none to three).</summary>
    public IReadOnlyList<TrafficNotification> Evaluate(RoadPrediction prediction, bool roadAlerted)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        if (prediction.PredictionConfidence < options.MinConfidence) return [];

        var road = roads.Find(prediction.RoadId);
        var name = string.IsNullOrWhiteSpace(road?.Name) ? prediction.RoadId : road.Name;
        var delay = road?.DelayMinutes(prediction.PredictedSpeed10Min);
        var current = prediction.CurrentSpeed;
        var in10 = prediction.PredictedSpeed10Min;
        var threshold = options.CongestionSpeedKmh;
        var grade = Severities.Grade(current, in10, Horizon, options);
        var alerts = new List<TrafficNotification>(3);

        if (current >= threshold && in10 < threshold)
        {
            alerts.Add(Alert(prediction, AlertTypes.HeavyCongestion, grade, name, in10, Horizon, delay, $"Heavy traffic on {name}.{Eta(delay)}"));
        }

        var drop = Severities.DropRatio(current, in10);
        if (drop > options.SuddenJamRatio)
        {
            alerts.Add(Alert(prediction, AlertTypes.SuddenJam, grade, name, in10, Horizon, delay,
                $"Sudden jam on {name}: speed expected to drop {drop * 100:0}% from {current:0} to {in10:0} km/h within {Horizon} minutes.{Eta(delay)}"));
        }

        if (prediction.JamFactor is { } jam && jam > options.SevereJamFactor)
        {
            alerts.Add(Alert(prediction, AlertTypes.SevereTraffic, grade, name, in10, Horizon, delay,
                $"Severe traffic on {name} (jam factor {jam:0.0}).{Eta(delay)}"));
        }

        if (alerts.Count == 0 && roadAlerted && EarliestBelow(prediction, threshold) is null)
        {
            var (minutes, slowest) = Slowest(prediction);
            alerts.Add(Alert(prediction, AlertTypes.Cleared, AlertSeverities.Info, name, slowest, minutes, road?.DelayMinutes(slowest),
                $"Traffic cleared on {name}: at least {slowest:0} km/h over the next 30 minutes (now {current:0} km/h)."));
        }

        return alerts;
    }

    // Whole minutes, as a driver reads them; a delay under half a minute is not worth a number.
    private static FormattableString Eta(double? delay) => delay switch
    {
        null or < 0.5 => $"",
        < 1.5 => $" ETA +1 minute",
        _ => $" ETA +{Math.Round(delay.Value, MidpointRounding.AwayFromZero):0} minutes",
    };

    private TrafficNotification Alert(
        RoadPrediction prediction, string alertType, string severity, string roadName, double predicted, int minutes, double? delay, FormattableString message) =>
        new(NotificationEventIds.For(prediction.RoadId, alertType, prediction.Timestamp, options.Cooldown),
            prediction.Timestamp,
            alertType,
            prediction.RoadId,
            roadName,
            severity,
            message.ToString(CultureInfo.InvariantCulture),
            [],
            prediction.CurrentSpeed,
            predicted,
            minutes,
            delay is { } d ? Math.Round(d, 1) : null,
            prediction.JamFactor,
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
