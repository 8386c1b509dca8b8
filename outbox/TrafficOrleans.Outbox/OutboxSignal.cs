namespace TrafficOrleans.Outbox;

/// <summary>
/// Wakes the relay: after a local commit (<see cref="Notify"/>), when <see cref="OutboxListener"/> hears a commit of
/// any process through PostgreSQL <c>NOTIFY</c>, and when the database came back after an outage
/// (<see cref="Recovered"/>), which also tells a backing-off relay to stop waiting and start over.
/// </summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _pending = new(0, 1);
    private int _recovered;

    /// <summary>New rows were committed.</summary>
    public void Notify()
    {
        // At most one pending wake-up: several commits while the relay is busy need only one more round.
        try
        {
            if (_pending.CurrentCount == 0) _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another writer released it between the check and the release: one wake-up is enough.
        }
    }

    /// <summary>PostgreSQL answers again after an outage: wake the relay and let it forget its backoff.</summary>
    public void Recovered()
    {
        Volatile.Write(ref _recovered, 1);
        Notify();
    }

    /// <summary>True (once) when <see cref="Recovered"/> was called since the last call.</summary>
    public bool TakeRecovered() => Interlocked.Exchange(ref _recovered, 0) == 1;

    /// <summary>Waits for a notification or the timeout; true when notified.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pending.WaitAsync(timeout, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _pending.Dispose();
}
