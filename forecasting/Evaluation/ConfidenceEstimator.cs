namespace TrafficOrleans.Forecasting.Evaluation;

/// <summary>
/// <c>prediction_confidence</c>, a number in [0, 1]:
/// <code>
/// accuracy_h   = clamp(1 − MAE_val,h / meanSpeed_val, 0, 1)        (model's relative validation error at horizon h)
/// completeness = validSteps / 12                                  (share of the one-hour input window present)
/// freshness    = 1 if age ≤ 5 min, else exp(−(age − 5 min) / 10 min),   age = AsOf − Timestamp of the newest step
/// confidence_h = accuracy_h × completeness × freshness
/// prediction_confidence = mean over h ∈ {10, 20, 30} of confidence_h
/// </code>
/// A model that was never validated has accuracy 0. So a confident forecast needs an accurate model and a full,
/// current window; a window half empty halves it, a window 15 minutes stale cuts it to e^−1 ≈ 0.37 of that.
/// </summary>
public static class ConfidenceEstimator
{
    private static readonly TimeSpan FreshFor = TimeSpan.FromMinutes(5);
    private const double DecayMinutes = 10;

    /// <summary>Accuracy term of a horizon.</summary>
    public static double Accuracy(ModelQuality quality, int horizon)
    {
        ArgumentNullException.ThrowIfNull(quality);
        var rel = quality.ValidationMae[horizon] / quality.MeanSpeed;
        return double.IsNaN(rel) || double.IsInfinity(rel) ? 0 : Math.Clamp(1 - rel, 0, 1);
    }

    /// <summary>Freshness term for the window's age.</summary>
    public static double Freshness(TimeSpan age) =>
        age <= FreshFor ? 1 : Math.Exp(-(age - FreshFor).TotalMinutes / DecayMinutes);

    /// <summary>Confidence at one horizon.</summary>
    public static double ForHorizon(ModelQuality quality, in ForecastInput input, int horizon) =>
        Accuracy(quality, horizon) * WindowQuality(input);

    /// <summary>The single <c>prediction_confidence</c> of a forecast: mean over horizons.</summary>
    public static double Overall(ModelQuality quality, in ForecastInput input)
    {
        var window = WindowQuality(input);
        var sum = 0.0;
        for (var h = 0; h < ForecastHorizons.Count; h++)
        {
            sum += Accuracy(quality, h) * window;
        }

        return sum / ForecastHorizons.Count;
    }

    /// <summary>completeness × freshness of the input window.</summary>
    public static double WindowQuality(in ForecastInput input)
    {
        var completeness = input.ValidSteps / (double)ForecastHorizons.WindowSteps;
        return completeness * Freshness(input.AsOf - input.Timestamp);
    }
}
