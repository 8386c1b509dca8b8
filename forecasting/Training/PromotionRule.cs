using System.Globalization;
using TrafficOrleans.Forecasting.Evaluation;

namespace TrafficOrleans.Forecasting.Training;

/// <summary>
/// Whether a candidate replaces the champion: only when both were scored on the same test window and the candidate's
/// mean MAE over the three horizons is strictly lower. With no champion, the candidate is promoted. Whatever the
/// champion, a candidate whose test MAE is not below persistence's at every horizon is never promoted: a model no
/// better than the current speed gives routing and alerts nothing (the serving chain falls back to persistence anyway).
/// </summary>
public static class PromotionRule
{
    /// <summary>Decides; a pure function of its arguments.</summary>
    public static PromotionDecision Decide(
        IReadOnlyList<HorizonMetrics> candidateTest,
        IReadOnlyList<HorizonMetrics>? championTest,
        (DateTimeOffset From, DateTimeOffset To) candidateWindow,
        (DateTimeOffset From, DateTimeOffset To)? championWindow,
        IReadOnlyList<HorizonMetrics>? persistenceTest = null)
    {
        ArgumentNullException.ThrowIfNull(candidateTest);
        if (persistenceTest is not null)
        {
            for (var h = 0; h < candidateTest.Count; h++)
            {
                if (!(candidateTest[h].Mae < persistenceTest[h].Mae))
                {
                    return new PromotionDecision(false, string.Create(
                        CultureInfo.InvariantCulture,
                        $"candidate does not beat persistence at {candidateTest[h].HorizonMinutes} min (MAE {candidateTest[h].Mae:F3} vs {persistenceTest[h].Mae:F3})"));
                }
            }
        }

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
