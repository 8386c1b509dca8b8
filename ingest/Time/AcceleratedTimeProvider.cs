namespace TrafficOrleans.Ingest.Time;

/// <summary>
/// A clock that runs <see cref="SpeedUp"/> times faster than an inner clock, starting at a chosen instant:
/// with SpeedUp 1440 a simulated day passes per real minute. Timers and delays created on it are shortened
/// accordingly, so <c>Task.Delay(interval, clock)</c> and <c>PeriodicTimer(interval, clock)</c> tick in
/// simulated time.
/// </summary>
public sealed class AcceleratedTimeProvider : TimeProvider
{
    private readonly TimeProvider _inner;
    private readonly DateTimeOffset _innerStart;
    private readonly long _innerStartTimestamp;
    private readonly DateTimeOffset _start;

    /// <summary>
    /// The clock reads <paramref name="start"/> (the inner clock's now when null) at the inner instant
    /// <paramref name="anchor"/> (now when null). Processes given the same start and anchor read the same time,
    /// whenever each of them started — the silos of a cluster taking over each other's simulator.
    /// </summary>
    public AcceleratedTimeProvider(TimeProvider inner, double speedUp, DateTimeOffset? start = null, DateTimeOffset? anchor = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speedUp);
        _inner = inner;
        SpeedUp = speedUp;
        var now = inner.GetUtcNow();
        _innerStart = anchor ?? now;
        _innerStartTimestamp = inner.GetTimestamp() - (long)((now - _innerStart).TotalSeconds * inner.TimestampFrequency);
        _start = start ?? _innerStart;
    }

    /// <summary>How many times faster than the inner clock.</summary>
    public double SpeedUp { get; }

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    /// <inheritdoc />
    public override long TimestampFrequency => _inner.TimestampFrequency;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() =>
        _start + TimeSpan.FromTicks((long)((_inner.GetUtcNow() - _innerStart).Ticks * SpeedUp));

    /// <inheritdoc />
    public override long GetTimestamp() =>
        _innerStartTimestamp + (long)((_inner.GetTimestamp() - _innerStartTimestamp) * SpeedUp);

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(_inner.CreateTimer(callback, state, Scale(dueTime), Scale(period)), this);

    private TimeSpan Scale(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan ? span : TimeSpan.FromTicks((long)(span.Ticks / SpeedUp));

    /// <summary>Rescales <see cref="ITimer.Change"/> too, so re-armed timers stay in simulated time.</summary>
    private sealed class ScaledTimer(ITimer inner, AcceleratedTimeProvider clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.Scale(dueTime), clock.Scale(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
