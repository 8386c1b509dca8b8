using System.Diagnostics;
using TrafficOrleans.Grains.Roads;

namespace TrafficOrleans.Roads.Tests;

public sealed class StateSaveScheduleTests
{
    private static readonly long Start = Stopwatch.GetTimestamp();

    private static long At(TimeSpan offset) => Start + (long)(offset.TotalSeconds * Stopwatch.Frequency);

    [Theory]
    [InlineData(300)] // the product's 5-minute cadence
    [InlineData(10)] // the push bench's product load: a tick every 10 s, faster than the save interval allows
    public void Roads_fed_in_the_same_tick_spread_their_saves_evenly(int secondsPerTick)
    {
        var roads = Enumerable.Range(0, 1247).Select(i => $"hanoi_rd_{i:D4}").ToList();
        var schedules = roads.ToDictionary(r => r, r => new StateSaveSchedule(r, Start));
        var savesPerTick = new List<int>();
        var savedAt = roads.ToDictionary(r => r, _ => new List<int>());

        for (var tick = 1; tick <= 48; tick++)
        {
            var now = At(TimeSpan.FromSeconds(secondsPerTick * tick));
            var saves = 0;
            foreach (var road in roads)
            {
                if (!schedules[road].Applied(1, now)) continue;
                schedules[road].Saved(now);
                savedAt[road].Add(tick);
                saves++;
            }

            savesPerTick.Add(saves);
        }

        // Lock-step would be 1,247 saves in every 12th tick and none in between. The first minute saves nothing.
        var settled = savesPerTick.Skip((int)Math.Ceiling(RoadGrain.MinSaveInterval.TotalSeconds / secondsPerTick)).ToList();
        Assert.All(settled, saves => Assert.InRange(saves, 1247 / RoadGrain.SaveEvery / 2, 1247 / RoadGrain.SaveEvery * 2));
        Assert.All(savedAt.Values, ticks => Assert.All(ticks.Zip(ticks.Skip(1)), pair => Assert.Equal(RoadGrain.SaveEvery, pair.Second - pair.First)));
    }

    [Fact]
    public void A_road_keeps_its_place_in_the_cycle_across_restarts()
    {
        Assert.Equal(StateSaveSchedule.FirstSaveAfter("hanoi_rd_0042"), StateSaveSchedule.FirstSaveAfter("hanoi_rd_0042"));
        Assert.InRange(StateSaveSchedule.FirstSaveAfter("hanoi_rd_0042"), 1, RoadGrain.SaveEvery);
    }

    [Fact]
    public void Readings_faster_than_the_cadence_save_at_most_once_per_interval()
    {
        var schedule = new StateSaveSchedule("hanoi_rd_0001", Start);
        var saves = new List<int>();
        for (var second = 1; second <= 300; second++)
        {
            var now = At(TimeSpan.FromSeconds(second));
            if (!schedule.Applied(8, now)) continue;
            schedule.Saved(now);
            saves.Add(second);
        }

        // 8 readings a second pass the road's place in the cycle every 1.5 s: the first pass after each minute saves.
        Assert.Equal(5, saves.Count);
        Assert.All(saves.Zip(saves.Skip(1)), pair => Assert.InRange(pair.Second - pair.First, 60, 62));
    }
}
