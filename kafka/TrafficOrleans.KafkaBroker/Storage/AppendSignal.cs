namespace TrafficOrleans.KafkaBroker.Storage;

/// <summary>Wakes long-polling fetches when any partition receives data.</summary>
internal sealed class AppendSignal
{
    private TaskCompletionSource _next = NewSource();

    /// <summary>A task completed by the next append; take it before checking for data to avoid missing one.</summary>
    public Task NextAppend => Volatile.Read(ref _next).Task;

    public void Notify() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
