using System.Diagnostics;

namespace TrafficOrleans.Grains.Roads;

/// <summary>
/// When a <see cref="RoadGrain"/> writes its state: every <see cref="RoadGrain.SaveEvery"/> readings, at most once per
/// <see cref="RoadGrain.MinSaveInterval"/> of machine time. Each road saves at its own place in the cycle of
/// <see cref="RoadGrain.SaveEvery"/> readings (fixed by its id), so roads fed in the same tick — every road, every
/// 5 minutes — spread their writes evenly over the ticks. In lock-step, all 1,247 roads wrote their state in the same
/// tick once an hour: an Orleans storage write each on top of that tick's readings, and that tick's alerts were the
/// slowest of the hour (the push bench's product load). A save the interval holds back is skipped, not postponed to the
/// next reading, which would gather the roads in one tick again.
/// </summary>
/// <param name="roadId">The road: decides its place in the cycle.</param>
/// <param name="activatedAt">A <see cref="Stopwatch"/> timestamp: the first save waits the interval from here.</param>
public sealed class StateSaveSchedule(string roadId, long activatedAt)
{
    private readonly int _first = FirstSaveAfter(roadId);
    private long _readings;
    private long _savedAt = activatedAt;

    /// <summary>Readings after an activation up to the road's first save: 1 to <see cref="RoadGrain.SaveEvery"/>, fixed per road.</summary>
    public static int FirstSaveAfter(string roadId)
    {
        ArgumentNullException.ThrowIfNull(roadId);
        // FNV-1a: string.GetHashCode differs per process, and a road's place should not move with each restart.
        var hash = 2166136261u;
        foreach (var c in roadId) hash = (hash ^ c) * 16777619u;
        return 1 + (int)(hash % RoadGrain.SaveEvery);
    }

    /// <summary>Counts applied readings; true when the state should be written now.</summary>
    public bool Applied(int readings, long now)
    {
        var cycle = Cycle(_readings);
        _readings += readings;
        return Cycle(_readings) > cycle && Stopwatch.GetElapsedTime(_savedAt, now) >= RoadGrain.MinSaveInterval;
    }

    /// <summary>The state was written.</summary>
    public void Saved(long now) => _savedAt = now;

    // Which cycle a reading count is in: the road's saves fall on counts first, first + SaveEvery, first + 2 × SaveEvery…
    private long Cycle(long readings) => (readings - _first + RoadGrain.SaveEvery) / RoadGrain.SaveEvery;
}
