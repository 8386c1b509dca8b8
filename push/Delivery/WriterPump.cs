using System.Collections.Concurrent;

namespace TrafficOrleans.Push.Delivery;

/// <summary>
/// Runs the writers of the connections that have something queued, a slice of <see cref="SliceSize"/> connections per
/// thread-pool work item, and queues itself again behind whatever arrived meanwhile. An alert batch to 1,000 clients
/// is ~1,000 writes, each followed by the transport's own send work item; started all at once they put a wall of
/// ~2,000 items in the thread pool's queue in front of the pipeline's next PostgreSQL and Kafka continuations (measured:
/// up to ~1 s before a work item queued then started, at a tick's first alerts). Taken in slices, the pipeline waits
/// behind one slice at most, and the next alerts are not held up by the fan-out of the previous ones.
/// </summary>
public sealed class WriterPump : IThreadPoolWorkItem
{
    /// <summary>Connections written per work item.</summary>
    public const int SliceSize = 64;

    private readonly ConcurrentQueue<PushConnection> _ready = new();
    private int _running;

    /// <summary>Queues a connection whose writer was just claimed (<see cref="PushConnection.Schedule"/>).</summary>
    internal void Add(PushConnection connection)
    {
        _ready.Enqueue(connection);
        if (Interlocked.CompareExchange(ref _running, 1, 0) == 0) ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    /// <inheritdoc />
    void IThreadPoolWorkItem.Execute()
    {
#pragma warning disable CA2000 // The pump borrows queued connections; PushConnections owns and disposes them.
        for (var i = 0; i < SliceSize && _ready.TryDequeue(out var connection); i++) connection.RunWriter();
#pragma warning restore CA2000
        if (!_ready.IsEmpty)
        {
            // Behind what was queued while this slice ran: the pipeline's continuations among it.
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
            return;
        }

        Volatile.Write(ref _running, 0);
        // A connection added after the last look found the pump running and did not start it.
        if (!_ready.IsEmpty && Interlocked.CompareExchange(ref _running, 1, 0) == 0) ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }
}
