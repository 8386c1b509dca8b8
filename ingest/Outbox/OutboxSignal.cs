namespace TrafficOrleans.Ingest.Outbox;

/// <summary>
/// Wakes the relay right after a local commit so fresh rows are published within milliseconds instead of
/// at the next idle poll; rows written by other processes are still found by polling.
/// </summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _pending = new(0, 1);

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

    /// <summary>Waits for a notification or the timeout; true when notified.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pending.WaitAsync(timeout, cancellationToken);

    /// <inheritdoc />
    public void Dispose() => _pending.Dispose();
}
