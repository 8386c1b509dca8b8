using Confluent.Kafka;

namespace TrafficOrleans.Kafka.Consuming;

/// <summary>
/// The messages a group consumer has taken but not yet committed: due when it holds <c>dueSize</c> messages or
/// <c>window</c> has passed since its first one, whichever comes first, and full at <c>maxSize</c> (a due batch may go
/// on growing until then while the flush before it runs). Its positions are what to commit once the batch is durably
/// handled.
/// </summary>
public sealed class OffsetBatch(TimeProvider clock, TimeSpan window, int dueSize, int maxSize)
{
    private readonly Dictionary<TopicPartition, Offset> _next = [];
    private DateTimeOffset? _started;

    /// <summary>Messages taken since the last reset.</summary>
    public int Count { get; private set; }

    /// <summary>True when the batch should be handled and committed now.</summary>
    public bool IsDue => Count > 0 && (Count >= dueSize || clock.GetUtcNow() - _started >= window);

    /// <summary>True when the batch may take no more messages.</summary>
    public bool IsFull => Count >= Math.Max(dueSize, maxSize);

    /// <summary>Per partition, the offset after the last message taken.</summary>
    public IEnumerable<TopicPartitionOffset> CommitPositions => _next.Select(p => new TopicPartitionOffset(p.Key, p.Value));

    /// <summary>How long the next poll may wait: until the window closes, or <paramref name="idle"/> when empty.</summary>
    public TimeSpan PollTimeout(TimeSpan idle) => _started is { } started ? window - (clock.GetUtcNow() - started) : idle;

    /// <summary>Adds a consumed message.</summary>
    public void Take<TKey, TValue>(ConsumeResult<TKey, TValue> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _started ??= clock.GetUtcNow();
        _next[result.TopicPartition] = result.Offset + 1;
        Count++;
    }

    /// <summary>Forgets the batch (after a commit, or when its partitions were revoked).</summary>
    public void Reset()
    {
        _next.Clear();
        _started = null;
        Count = 0;
    }
}
