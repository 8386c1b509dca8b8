using Microsoft.Extensions.Time.Testing;
using TrafficOrleans.Ingest.Time;

namespace TrafficOrleans.Ingest.Tests;

public class AcceleratedTimeProviderTests
{
    [Fact]
    public async Task A_day_per_minute_clock_fires_five_minute_delays_every_quarter_second()
    {
        var real = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var start = new DateTimeOffset(2025, 10, 15, 0, 0, 0, TimeSpan.Zero);
        var clock = new AcceleratedTimeProvider(real, 1440, start);

        var delay = Task.Delay(TimeSpan.FromMinutes(5), clock);
        real.Advance(TimeSpan.FromMilliseconds(200));
        Assert.False(delay.IsCompleted);
        real.Advance(TimeSpan.FromMilliseconds(50));
        await delay;

        Assert.Equal(start.AddMinutes(6), clock.GetUtcNow());
        real.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(start.AddDays(1).AddMinutes(6), clock.GetUtcNow());
    }

    [Fact]
    public void Clocks_sharing_start_and_anchor_read_the_same_time_whenever_they_were_created()
    {
        var real = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var anchor = real.GetUtcNow();
        var start = new DateTimeOffset(2025, 10, 15, 0, 0, 0, TimeSpan.Zero);
        var first = new AcceleratedTimeProvider(real, 600, start, anchor);
        real.Advance(TimeSpan.FromSeconds(30));
        var second = new AcceleratedTimeProvider(real, 600, start, anchor);

        Assert.Equal(start.AddMinutes(300), second.GetUtcNow());
        Assert.Equal(first.GetUtcNow(), second.GetUtcNow());
        real.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(first.GetUtcNow(), second.GetUtcNow());
        Assert.Equal(first.GetTimestamp(), second.GetTimestamp());
    }

    [Fact]
    public void Ticks_align_to_the_interval()
    {
        var at = new DateTimeOffset(2025, 10, 15, 8, 7, 30, TimeSpan.FromHours(7));
        Assert.Equal(new DateTimeOffset(2025, 10, 15, 1, 5, 0, TimeSpan.Zero), Ticks.Floor(at, TimeSpan.FromMinutes(5)));
        Assert.Equal(new DateTimeOffset(2025, 10, 15, 1, 10, 0, TimeSpan.Zero), Ticks.Next(at, TimeSpan.FromMinutes(5)));
    }
}
