using TrafficOrleans.Notifications.Rules;

namespace TrafficOrleans.Notifications.Tests;

public sealed class RoadFactsTests
{
    [Theory]
    [InlineData(12, 14.0)] // 20 min at 12 km/h versus 6 min free flow
    [InlineData(20, 6.0)]
    [InlineData(40, 0.0)]
    [InlineData(60, 0.0)] // faster than free flow is no delay, not a negative one
    public void The_delay_is_the_extra_time_over_the_road_at_the_predicted_speed(double speed, double minutes)
    {
        Assert.Equal(minutes, new RoadFacts("Pho Tran Phu", 4000, 40).DelayMinutes(speed)!.Value, precision: 6);
    }

    [Fact]
    public void No_delay_is_given_without_a_length_or_a_speed()
    {
        Assert.Null(new RoadFacts("x", 0, 40).DelayMinutes(10));
        Assert.Null(new RoadFacts("x", 4000, 40).DelayMinutes(0));
    }
}
