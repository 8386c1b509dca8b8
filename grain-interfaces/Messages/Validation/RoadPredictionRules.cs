namespace TrafficOrleans.GrainInterfaces.Messages.Validation;

/// <summary>Whether a <see cref="RoadPrediction"/> holds values a road could have.</summary>
public static class RoadPredictionRules
{
    /// <summary>The first problem of the prediction, or null when it is acceptable (see <see cref="TrafficReadingRules.Check"/>).</summary>
    public static ValidationFailure? Check(RoadPrediction prediction, MessageLimits limits, DateTimeOffset? now = null)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(limits);
        return ValueRules.EventId(prediction.EventId)
            ?? ValueRules.RoadId(prediction.RoadId, limits)
            ?? ValueRules.Timestamp(prediction.Timestamp, limits, now)
            ?? ValueRules.Speed("current_speed", prediction.CurrentSpeed, limits)
            ?? ValueRules.Speed("predicted_speed_10min", prediction.PredictedSpeed10Min, limits)
            ?? ValueRules.Speed("predicted_speed_20min", prediction.PredictedSpeed20Min, limits)
            ?? ValueRules.Speed("predicted_speed_30min", prediction.PredictedSpeed30Min, limits)
            ?? Confidence(prediction.PredictionConfidence)
            ?? (string.IsNullOrWhiteSpace(prediction.ModelVersion) ? new ValidationFailure("missing-model-version", "model_version is missing") : null);
    }

    /// <summary>
    /// The prediction with every number forced into range: a model can extrapolate to a negative, infinite or NaN
    /// speed, which must not reach routing or the wire (JSON has no Infinity). A non-finite horizon falls back to
    /// the current speed, the persistence forecast.
    /// </summary>
    public static RoadPrediction Bound(RoadPrediction prediction, MessageLimits limits)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(limits);
        var current = Clamp(prediction.CurrentSpeed, 0, limits);
        return prediction with
        {
            CurrentSpeed = current,
            PredictedSpeed10Min = Clamp(prediction.PredictedSpeed10Min, current, limits),
            PredictedSpeed20Min = Clamp(prediction.PredictedSpeed20Min, current, limits),
            PredictedSpeed30Min = Clamp(prediction.PredictedSpeed30Min, current, limits),
            PredictionConfidence = double.IsFinite(prediction.PredictionConfidence) ? Math.Clamp(prediction.PredictionConfidence, 0, 1) : 0,
        };
    }

    private static double Clamp(double speed, double fallback, MessageLimits limits) =>
        Math.Clamp(double.IsFinite(speed) ? speed : fallback, 0, limits.MaxSpeedKmh);

    private static ValidationFailure? Confidence(double value) =>
        double.IsFinite(value) && value is >= 0 and <= 1
            ? null
            : new ValidationFailure("invalid-confidence", $"prediction_confidence {value} is not in [0, 1]");
}
