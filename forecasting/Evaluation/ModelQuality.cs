namespace TrafficOrleans.Forecasting.Evaluation;

/// <summary>What confidence is derived from: a model's validation MAE per horizon and the mean actual speed then.</summary>
/// <param name="ValidationMae">MAE (km/h) at 10, 20, 30 minutes on the validation window.</param>
/// <param name="MeanSpeed">Mean actual speed (km/h) of the validation window.</param>
public sealed record ModelQuality(IReadOnlyList<double> ValidationMae, double MeanSpeed)
{
    /// <summary>Quality of a model never validated: relative error 1, so accuracy (and confidence) is 0.</summary>
    public static ModelQuality Unknown { get; } = new([double.NaN, double.NaN, double.NaN], double.NaN);
}
