using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Notifications.Rules;

/// <summary>
/// Runs the rules over a batch in order, carrying each road's alerted state from one prediction to the next
/// (seeded with the last stored alert type of each road), and keeps one alert per <c>event_id</c>: a road that
/// stays congested for several predictions in one cooldown window yields one alert.
/// </summary>
public sealed class BatchEvaluator(NotificationRules rules)
{
    /// <summary>The alerts of <paramref name="predictions"/>, in order.</summary>
    /// <param name="predictions">The batch, in consumption order.</param>
    /// <param name="lastAlertTypes">The last stored <c>alert_type</c> of roads that have one.</param>
    public IReadOnlyList<TrafficNotification> Evaluate(IReadOnlyList<RoadPrediction> predictions, IReadOnlyDictionary<string, string> lastAlertTypes)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(lastAlertTypes);
        var lastTypes = new Dictionary<string, string>(lastAlertTypes, StringComparer.Ordinal);
        var seen = new HashSet<Guid>();
        var alerts = new List<TrafficNotification>();
        foreach (var prediction in predictions)
        {
            var alerted = AlertTypes.IsTrouble(lastTypes.GetValueOrDefault(prediction.RoadId));
            foreach (var alert in rules.Evaluate(prediction, alerted))
            {
                lastTypes[prediction.RoadId] = alert.AlertType;
                if (seen.Add(alert.EventId)) alerts.Add(alert);
            }
        }

        return alerts;
    }
}
