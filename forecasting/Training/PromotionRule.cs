using System.Globalization;
using TrafficOrleans.Forecasting.Evaluation;

namespace TrafficOrleans.Forecasting.Training;

/// <summary>
/// Whether a candidate replaces the champion: only when both were scored on the same test window and the candidate's
/// mean MAE over the three horizons is strictly lower. With no champion, the candidate is promoted.
/// </summary>
public static class PromotionRule
{
    /// <summary>Decides; a pure function of its arguments.</summary>
    public static PromotionDecision Decide(
        IReadOnlyList<HorizonMetrics> candidateTest,
        IReadOnlyList<HorizonMetrics>? championTest,
        (DateTimeOffset From, DateTimeOffset To) candidateWindow,
        (DateTimeOffset From, DateTimeOffset To)? championWindow)
    {
        ArgumentNullException.ThrowIfNull(candidateTest);
        if (championTest is null || championWindow is null)
        {
            return new PromotionDecision(true, "no champion");
        }

        if (championWindow.Value != candidateWindow)
        {
            return new PromotionDecision(false, "champion and candidate were scored on different test windows");
        }

        var candidate = candidateTest.Average(m => m.Mae);
        var champion = championTest.Average(m => m.Mae);
        var text = string.Create(CultureInfo.InvariantCulture, $"candidate MAE {candidate:F3} vs champion {champion:F3}");
        return candidate < champion
            ? new PromotionDecision(true, text)
            : new PromotionDecision(false, text);
    }
}
