namespace TrafficOrleans.Kafka.Consuming;

/// <summary>What distinguishes one <see cref="BatchingGroupConsumer{TItem}"/> from another.</summary>
/// <param name="Name">Short name for logs, the client id (<c>{Name}-{machine}</c>) and the thread.</param>
/// <param name="Topic">Topic subscribed to.</param>
/// <param name="ConsumerGroup">Consumer group (one member per silo; Kafka spreads the partitions over the silos).</param>
/// <param name="BatchSize">A batch is flushed when it holds this many messages (or more: <see cref="MaxBatchSize"/>)…</param>
/// <param name="BatchWindow">…or when its first message has waited this long, whichever comes first.</param>
/// <param name="HealthComponent">Name of the consumer in the readiness report.</param>
/// <param name="Broadcast">
/// True for a reader that must see every message on every silo (the push bridge): the group is expected to be unique
/// to this process, it starts at the latest offset and never commits, so a restart skips what it missed rather than
/// replaying old news to live clients. Within the process it remembers where it is: a partition handed to it again
/// (the group rejoined after a broker restart) resumes there, not at the latest offset.
/// </param>
public sealed record GroupConsumerSettings(string Name, string Topic, string ConsumerGroup, int BatchSize, TimeSpan BatchWindow, string HealthComponent, bool Broadcast = false)
{
    /// <summary>How many times <see cref="BatchSize"/> a batch may grow to by default (see <see cref="MaxBatchSize"/>).</summary>
    public const int DefaultGrowth = 10;

    /// <summary>
    /// A batch that is due while the flush before it still runs goes on taking messages until that flush is committed,
    /// up to this many (default <see cref="DefaultGrowth"/> × <see cref="BatchSize"/>). Under load the batches then grow
    /// to what arrived during one flush, so a flush's fixed costs (round trips, a commit) are shared by more messages.
    /// </summary>
    public int MaxBatchSize { get; init; } = BatchSize * DefaultGrowth;

    /// <summary>
    /// Fetch in bulk (<see cref="KafkaConsumerConfig.WithBulkFetch"/>): the broker holds a fetch until 64 KB are waiting
    /// or <see cref="BatchWindow"/> has passed, at most 50 ms. For consumers of a high-volume topic off the alert path,
    /// which wait for a batch anyway; off for the alert path, whose messages must go on as they come.
    /// </summary>
    public bool BulkFetch { get; init; }
}
