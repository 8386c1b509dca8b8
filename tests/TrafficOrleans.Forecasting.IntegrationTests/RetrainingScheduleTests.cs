using TrafficOrleans.Grains.Forecasting;

namespace TrafficOrleans.Forecasting.IntegrationTests;

/// <summary>The weekly retraining instant: Sunday 02:00 Asia/Ho_Chi_Minh (Saturday 19:00 UTC).</summary>
public sealed class RetrainingScheduleTests
{
    [Theory]
    [InlineData("2026-11-04T10:00:00Z", "2026-11-07T19:00:00Z")] // Wednesday → that week's Sunday 02:00 ICT
    [InlineData("2026-11-07T18:59:59Z", "2026-11-07T19:00:00Z")] // a second before
    [InlineData("2026-11-07T19:00:00Z", "2026-11-14T19:00:00Z")] // exactly then → next week
    [InlineData("2026-11-07T20:00:00Z", "2026-11-14T19:00:00Z")] // Sunday 03:00 ICT
    public void Next_run_is_the_coming_sunday_2am_in_hanoi(string now, string expected)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var next = RetrainingSchedule.Next(DateTimeOffset.Parse(now, inv));

        Assert.Equal(DateTimeOffset.Parse(expected, inv), next);
        Assert.Equal(DayOfWeek.Sunday, next.ToOffset(TimeSpan.FromHours(7)).DayOfWeek);
    }
}
