using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.Grains.Roads;

namespace TrafficOrleans.Roads.Tests;

public sealed class RoadReadingWindowTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 7, 0, 0, TimeSpan.Zero);

    private static TrafficReading Reading(int step, Guid? eventId = null) => new(
        eventId ?? Guid.NewGuid(), Start.AddMinutes(5 * step), "hanoi_rd_test", "Kim Ma", 30 + step, 50, 2, CongestionLevel.Moderate, 0.6, true, null);

    [Fact]
    public void Duplicate_event_id_is_ignored_and_counted()
    {
        var window = new RoadReadingWindow();
        var first = Reading(0);

        Assert.True(window.TryApply(first));
        Assert.False(window.TryApply(first with { Timestamp = first.Timestamp.AddMinutes(5) }));

        Assert.Single(window.Readings);
        Assert.Equal(1, window.DuplicateReadings);
        Assert.Equal(0, window.OutOfOrderReadings);
    }

    [Fact]
    public void Reading_not_newer_than_the_latest_is_ignored()
    {
        var window = new RoadReadingWindow();
        Assert.True(window.TryApply(Reading(2)));

        Assert.False(window.TryApply(Reading(1)));
        Assert.False(window.TryApply(Reading(2)));

        Assert.Equal(Start.AddMinutes(10), window.Latest!.Timestamp);
        Assert.Equal(2, window.OutOfOrderReadings);
        Assert.Equal(0, window.DuplicateReadings);
    }

    [Fact]
    public void Window_keeps_the_last_hour_oldest_first()
    {
        var window = new RoadReadingWindow();
        for (var step = 0; step < 20; step++) Assert.True(window.TryApply(Reading(step)));

        Assert.Equal(RoadReadingWindow.DefaultCapacity, window.Readings.Count);
        Assert.Equal(Start.AddMinutes(5 * 8), window.Readings[0].Timestamp);
        Assert.Equal(Start.AddMinutes(5 * 19), window.Readings[^1].Timestamp);
    }

    [Fact]
    public void Remembered_event_ids_are_bounded()
    {
        var window = new RoadReadingWindow();
        for (var step = 0; step < RoadReadingWindow.RememberedEventIds * 2; step++) window.TryApply(Reading(step));

        Assert.Equal(RoadReadingWindow.RememberedEventIds, window.RecentEventIds.Count);
    }
}
