namespace TrafficOrleans.Forecasting.Training;

/// <summary>Outcome of the promotion rule.</summary>
/// <param name="Promote">Whether the candidate replaces the champion.</param>
/// <param name="Reason">Human-readable reason, for logs and the registry.</param>
public sealed record PromotionDecision(bool Promote, string Reason);
