using TrafficOrleans.Forecasting.Features;
using TrafficOrleans.Forecasting.Models;
using TrafficOrleans.Forecasting.Serving;
using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Forecasting.Tests;

/// <summary>How a grain's readings become a forecast input, and the fixed-offset Hanoi clock.</summary>
public sealed class ServingInputTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    private static TrafficReading Reading(DateTimeOffset at, double speed, double? neighbourRatio = null) =>
        new(Guid.NewGuid(), at, "r1", "Kim Ma", speed, 50, 2, CongestionLevel.Free, speed / 50, false, null, neighbourRatio);

    [Fact]
    public void Missing_steps_stay_missing_instead_of_shifting_older_readings()
    {
        // Readings at −20, −10 (a step missing between), −5 and 0 minutes; the 0-minute one 20 s late.
        IReadOnlyList<TrafficReading> recent =
            [Reading(T.AddMinutes(-20), 20, 0.5), Reading(T.AddMinutes(-10), 30), Reading(T.AddMinutes(-5), 35, 0.7), Reading(T.AddSeconds(20), 40, 0.8)];
        var speeds = new float[ForecastHorizons.WindowSteps];
        var neighbourRatios = new float[ForecastHorizons.WindowSteps];

        ReadingWindowForecast.Fill(recent, speeds, neighbourRatios);

        Assert.Equal([20f, float.NaN, 30f, 35f, 40f], speeds[^5..]);
        Assert.All(speeds[..^5], s => Assert.True(float.IsNaN(s)));
        // Aligned with the speeds; a reading without a neighbour ratio (an old message) leaves its step missing.
        Assert.Equal([0.5f, float.NaN, float.NaN, 0.7f, 0.8f], neighbourRatios[^5..]);
        Assert.All(neighbourRatios[..^5], r => Assert.True(float.IsNaN(r)));
    }

    [Fact]
    public void Prediction_carries_the_reading_identity_and_the_model_that_answered()
    {
        IReadOnlyList<TrafficReading> recent = [Reading(T.AddMinutes(-5), 30), Reading(T, 33)];

        var prediction = ReadingWindowForecast.Predict(ChampionChainLoader.ColdStart(), recent, T.AddSeconds(30));

        Assert.Equal(recent[^1].EventId, prediction.EventId);
        Assert.Equal(T, prediction.Timestamp);
        Assert.Equal(33, prediction.PredictedSpeed10Min);
        Assert.Equal(PersistenceForecaster.DefaultVersion, prediction.ModelVersion);
    }

    [Theory]
    [InlineData("2026-11-01T16:59:00Z")]
    [InlineData("2026-11-01T17:00:00Z")]
    [InlineData("2026-11-04T23:30:00Z")]
    [InlineData("2027-03-28T01:00:00Z")]
    public void Fixed_offset_hanoi_time_matches_the_time_zone_database(string utc)
    {
        var instant = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        var local = TimeZoneInfo.ConvertTime(instant, zone).DateTime;

        Assert.Equal(local, TimeOfWeek.Local(instant));
        Assert.Equal((((int)local.DayOfWeek * 24 * 60) + (local.Hour * 60) + local.Minute) / 15, TimeOfWeek.Slot(instant, 15));
    }
}
