using TrafficOrleans.Ingest.Simulation;
using TrafficOrleans.Storage.Postgres;

namespace TrafficOrleans.Ingest.Tests;

public class SimulatorStartTests
{
    private static readonly DateTimeOffset Now = new(2025, 10, 15, 8, 2, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    [Fact]
    public void History_ahead_of_now_is_continued_at_the_next_tick() =>
        Assert.Equal(new DateTimeOffset(2025, 10, 16, 2, 5, 0, TimeSpan.Zero),
            SimulatorStart.AfterHistory(new LatestTick(new DateTimeOffset(2025, 10, 16, 2, 0, 0, TimeSpan.Zero), 772), Now, Interval));

    [Fact]
    public void History_that_ends_in_the_past_starts_the_clock_now() =>
        Assert.Null(SimulatorStart.AfterHistory(new LatestTick(Now.AddHours(-3), 772), Now, Interval));

    [Fact]
    public void Empty_history_starts_the_clock_now() =>
        Assert.Null(SimulatorStart.AfterHistory(null, Now, Interval));
}
