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
            ?? Interval(prediction.Interval, limits)
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
            Interval = BoundInterval(prediction.Interval, limits),
        };
    }

    // An interval with a non-finite bound says nothing: it is dropped rather than guessed.
    private static PredictionInterval? BoundInterval(PredictionInterval? interval, MessageLimits limits)
    {
        if (interval is null || !Bounds(interval).All(double.IsFinite)) return null;
        double In(double speed) => Math.Clamp(speed, 0, limits.MaxSpeedKmh);
        return new PredictionInterval(
            In(interval.Low10Min), In(Math.Max(interval.Low10Min, interval.High10Min)),
            In(interval.Low20Min), In(Math.Max(interval.Low20Min, interval.High20Min)),
            In(interval.Low30Min), In(Math.Max(interval.Low30Min, interval.High30Min)));
    }

    private static ValidationFailure? Interval(PredictionInterval? interval, MessageLimits limits)
    {
        if (interval is null) return null;
        var bounds = Bounds(interval);
        for (var i = 0; i < bounds.Length; i++)
        {
            var field = $"prediction_interval.{(i % 2 == 0 ? "low" : "high")}_{(i / 2 + 1) * 10}min";
            if (ValueRules.Speed(field, bounds[i], limits) is { } failure) return failure;
        }

        return interval.Low10Min <= interval.High10Min && interval.Low20Min <= interval.High20Min && interval.Low30Min <= interval.High30Min
            ? null
            : new ValidationFailure("invalid-interval", "prediction_interval has a low bound above its high bound");
    }

    private static double[] Bounds(PredictionInterval interval) =>
        [interval.Low10Min, interval.High10Min, interval.Low20Min, interval.High20Min, interval.Low30Min, interval.High30Min];

    private static double Clamp(double speed, double fallback, MessageLimits limits) =>
        Math.Clamp(double.IsFinite(speed) ? speed : fallback, 0, limits.MaxSpeedKmh);

    private static ValidationFailure? Confidence(double value) =>
        double.IsFinite(value) && value is >= 0 and <= 1
            ? null
            : new ValidationFailure("invalid-confidence", $"prediction_confidence {value} is not in [0, 1]");
}
