using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.Ingest.Preprocessing;
using TrafficOrleans.Roads;

namespace TrafficOrleans.Push.Updates;

/// <summary>
/// Turns a batch of predictions into the roads whose current speed or forecast changed since the last batch (a
/// redelivered or repeated prediction is not news). Used only from the prediction bridge's consumer thread.
/// </summary>
public sealed class TrafficChanges(RoadAtlas roads)
{
    private readonly Dictionary<string, TrafficUpdate> _lastSent = new(StringComparer.Ordinal);

    /// <summary>The changed roads of <paramref name="predictions"/>, one entry per road (the latest prediction wins).</summary>
    public IReadOnlyList<TrafficUpdate> Changed(IReadOnlyList<RoadPrediction> predictions)
    {
        var latest = new Dictionary<string, TrafficUpdate>(StringComparer.Ordinal);
        foreach (var prediction in predictions) latest[prediction.RoadId] = ToUpdate(prediction);
        var changed = new List<TrafficUpdate>(latest.Count);
        foreach (var update in latest.Values)
        {
            if (_lastSent.TryGetValue(update.RoadId, out var previous) && previous == update) continue;
            _lastSent[update.RoadId] = update;
            changed.Add(update);
        }

        return changed;
    }

    private TrafficUpdate ToUpdate(RoadPrediction prediction)
    {
        // Predictions carry no jam factor; the level is the speed ratio's, with the same thresholds as ingestion.
        var level = roads.Find(prediction.RoadId)?.FreeFlowSpeedKmh is { } freeFlow and > 0
            ? CongestionLevels.Name(CongestionClassifier.Classify(prediction.CurrentSpeed / freeFlow, 0))
            : "unknown";
        return new TrafficUpdate(prediction.RoadId, prediction.CurrentSpeed, level,
            prediction.PredictedSpeed10Min, prediction.PredictedSpeed20Min, prediction.PredictedSpeed30Min);
    }
}
