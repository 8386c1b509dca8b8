using TrafficOrleans.Kafka.Providers;

namespace TrafficOrleans.Kafka.Consuming;

/// <summary>
/// What a <see cref="BatchingGroupConsumer{TItem}"/> hands its flush hook: the decoded items and the dead letters of the
/// messages its decode hook rejected, in consumption order. Both are only valid until the flush returns.
/// </summary>
public sealed class ConsumedBatch<TItem>(IReadOnlyList<TItem> items, IReadOnlyList<DeadLetter> deadLetters, DateTime? oldestProducedAt = null)
{
    /// <summary>Decoded messages.</summary>
    public IReadOnlyList<TItem> Items { get; } = items;

    /// <summary>Rejected messages, to be dead-lettered before the batch's offsets are committed.</summary>
    public IReadOnlyList<DeadLetter> DeadLetters { get; } = deadLetters;

    /// <summary>
    /// The Kafka timestamp (UTC) of the batch's oldest message, when its messages carry one: where the batch's wait
    /// for its flush began.
    /// </summary>
    public DateTime? OldestProducedAt { get; } = oldestProducedAt;
}
