using System.Threading.Channels;
using TrafficOrleans.Roads;

namespace TrafficOrleans.Ingest.IntegrationTests.Infrastructure;

/// <summary>
/// A real source whose polls wait for the test to release them, on a clock the test controls: a poll can be made
/// to "take" as long as the test advances the clock. Records the ticks polled and the most polls ever in flight.
/// </summary>
public sealed class GatedTrafficSource(ITrafficSource inner, TimeProvider clock) : ITrafficSource
{
    private readonly Channel<DateTimeOffset> _started = Channel.CreateUnbounded<DateTimeOffset>();
    private readonly Lock _lock = new();
    private TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    private int _maxInFlight;
    private int _polls;

    public string Name => inner.Name;

    public TimeProvider Clock => clock;

    public RoadAdjacency? Adjacency => inner.Adjacency;

    public bool CanReadRange => false;

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public int Polls => Volatile.Read(ref _polls);

    /// <summary>The next poll to start (its tick).</summary>
    public ValueTask<DateTimeOffset> NextStartedAsync(CancellationToken cancellationToken) => _started.Reader.ReadAsync(cancellationToken);

    /// <summary>Lets the running poll finish.</summary>
    public void Release()
    {
        lock (_lock)
        {
            _gate.TrySetResult();
            _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public async Task<TrafficBatch> PollAsync(DateTimeOffset observedAt, CancellationToken cancellationToken)
    {
        var inFlight = Interlocked.Increment(ref _inFlight);
        Interlocked.Increment(ref _polls);
        lock (_lock) _maxInFlight = Math.Max(_maxInFlight, inFlight);
        try
        {
            Task gate;
            lock (_lock) gate = _gate.Task;
            _started.Writer.TryWrite(observedAt);
            await gate.WaitAsync(cancellationToken);
            return await inner.PollAsync(observedAt, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public IAsyncEnumerable<TrafficBatch> ReadRangeAsync(DateTimeOffset from, DateTimeOffset to, TimeSpan interval, CancellationToken cancellationToken) =>
        throw new NotSupportedException();
}
