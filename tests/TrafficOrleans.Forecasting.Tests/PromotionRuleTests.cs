using TrafficOrleans.Forecasting.Evaluation;
using TrafficOrleans.Forecasting.Training;

namespace TrafficOrleans.Forecasting.Tests;

public sealed class PromotionRuleTests
{
    private static readonly (DateTimeOffset, DateTimeOffset) Window =
        (new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 8, 0, 0, 0, TimeSpan.Zero));

    private static HorizonMetrics[] Mae(double a, double b, double c) =>
        [new(10, a, 0, 0, 0, 1), new(20, b, 0, 0, 0, 1), new(30, c, 0, 0, 0, 1)];

    [Fact]
    public void Promotes_when_there_is_no_champion() =>
        Assert.True(PromotionRule.Decide(Mae(3, 4, 5), null, Window, null).Promote);

    [Fact]
    public void Promotes_a_candidate_with_lower_mean_mae_on_the_same_window() =>
        Assert.True(PromotionRule.Decide(Mae(2, 3, 4), Mae(3, 4, 5), Window, Window).Promote);

    [Fact]
    public void Keeps_the_champion_when_the_candidate_is_worse_or_equal()
    {
        Assert.False(PromotionRule.Decide(Mae(3, 4, 6), Mae(3, 4, 5), Window, Window).Promote);
        Assert.False(PromotionRule.Decide(Mae(3, 4, 5), Mae(3, 4, 5), Window, Window).Promote);
    }

    [Fact]
    public void Refuses_to_compare_different_test_windows()
    {
        var other = (Window.Item1.AddDays(1), Window.Item2.AddDays(1));
        Assert.False(PromotionRule.Decide(Mae(1, 1, 1), Mae(3, 4, 5), Window, other).Promote);
    }

    [Fact]
    public void Refuses_a_candidate_no_better_than_persistence_at_some_horizon()
    {
        var persistence = Mae(2, 4, 6);
        Assert.False(PromotionRule.Decide(Mae(1.5, 4.1, 5), null, Window, null, persistence).Promote);
        Assert.False(PromotionRule.Decide(Mae(1.5, 3, 6), Mae(9, 9, 9), Window, Window, persistence).Promote);
        Assert.True(PromotionRule.Decide(Mae(1.5, 3, 5), Mae(9, 9, 9), Window, Window, persistence).Promote);
    }
}
