using Confluent.Kafka;

namespace TrafficOrleans.Kafka.Consuming;

/// <summary>
/// The consumer configurations of the product, built from one place: offsets committed by hand, only after the work
/// is durably done; a group without a committed offset starts from the beginning; short fetch waits keep batch windows
/// honest; the passthrough settings (security, SASL, SSL) of the <c>Kafka</c> section applied to every client.
/// </summary>
public static class KafkaConsumerConfig
{
    /// <summary>A subscribing group member (<see cref="BatchingGroupConsumer{TItem}"/>); group membership timeouts kept short for fast failover.</summary>
    public static ConsumerConfig GroupMember(KafkaConnectionOptions kafka, string groupId, string clientId)
    {
        ArgumentNullException.ThrowIfNull(kafka);
        var config = ManualCommit(kafka.BootstrapServers, kafka.ClientConfig, groupId, clientId);
        config.SessionTimeoutMs = 10_000;
        config.HeartbeatIntervalMs = 1_000;
        return config;
    }

    /// <summary>
    /// A broadcast reader (<see cref="GroupConsumerSettings.Broadcast"/>): a group of its own, starting at the latest
    /// offset; nothing is committed, so the group leaves no position behind.
    /// </summary>
    public static ConsumerConfig Broadcast(KafkaConnectionOptions kafka, string groupId, string clientId)
    {
        var config = GroupMember(kafka, groupId, clientId);
        config.AutoOffsetReset = AutoOffsetReset.Latest;
        return config;
    }

    /// <summary>How often librdkafka commits the offsets a <see cref="StreamReceiver"/> stored (in the background).</summary>
    public const int StoredOffsetsCommitIntervalMs = 1_000;

    /// <summary>A consumer of the stream provider's assigned partitions: manual assignment, committed reads only.</summary>
    public static ConsumerConfig AssignedPartitions(KafkaStreamOptions options, string groupId, string clientId)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = ManualCommit(options.BootstrapServers, options.ClientConfig, groupId, clientId);
        config.IsolationLevel = IsolationLevel.ReadCommitted;
        return config;
    }

    /// <summary>
    /// The stream provider's queue receiver: <see cref="AssignedPartitions"/>, but the receiver only <em>stores</em> the offset
    /// below which everything was delivered (a local call) and librdkafka commits what was stored every
    /// <see cref="StoredOffsetsCommitIntervalMs"/>, on its own thread. A synchronous Commit is a broker round trip that
    /// held a silo thread-pool thread inside the pulling agent's turn after every delivery; with eight agents and a busy
    /// broker that stalled the pool for over a second (Orleans' "Thread Pool execution stalled" warning). Nothing is
    /// stored before it is delivered, so a crash still only redelivers, now up to one interval's readings more, which the
    /// road grains recognise as duplicates.
    /// </summary>
    public static ConsumerConfig StreamReceiver(KafkaStreamOptions options, string groupId, string clientId)
    {
        var config = AssignedPartitions(options, groupId, clientId);
        config.EnableAutoCommit = true;
        config.AutoCommitIntervalMs = StoredOffsetsCommitIntervalMs;
        return config;
    }

    /// <summary>
    /// How long the broker may hold a fetch that found less than its minimum (librdkafka's <c>fetch.wait.max.ms</c>):
    /// the most an idle consumer waits before it asks again.
    /// </summary>
    public const int FetchWaitMaxMs = 50;

    /// <summary>The least a bulk fetch (<see cref="WithBulkFetch"/>) asks the broker to gather before it answers.</summary>
    public const int BulkFetchMinBytes = 64 * 1024;

    /// <summary>
    /// Lets the broker gather a fetch for a consumer that batches its messages anyway: it answers once
    /// <see cref="BulkFetchMinBytes"/> are waiting or <paramref name="maxWait"/> has passed (never more than
    /// <see cref="FetchWaitMaxMs"/>). Without it the broker answers a fetch as soon as one message is there, so under
    /// load a consumer makes a round trip for every few messages. The cost is up to <paramref name="maxWait"/> more
    /// latency on a quiet topic, so it is for consumers off the alert path that batch over a longer window anyway
    /// (routing, live traffic). Measured at 10,000 readings/s (push/README, seventeenth session): those two saved
    /// ~1.5 CPU-s of a 20-s burst's ~25 at no cost at product load. Also giving it to the stream receivers and the
    /// alert rules saved little more, added ~50 ms to every alert at product load, and their shorter waits made an
    /// idle silo fetch more often.
    /// </summary>
    public static ConsumerConfig WithBulkFetch(this ConsumerConfig config, TimeSpan maxWait)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.FetchMinBytes = BulkFetchMinBytes;
        config.FetchWaitMaxMs = (int)Math.Clamp(maxWait.TotalMilliseconds, 1, FetchWaitMaxMs);
        return config;
    }

    /// <summary>A reader of a group's committed offsets (consumer lag): never joins the group and never commits.</summary>
    public static ConsumerConfig OffsetReader(KafkaConnectionOptions kafka, string groupId, string clientId)
    {
        ArgumentNullException.ThrowIfNull(kafka);
        return ManualCommit(kafka.BootstrapServers, kafka.ClientConfig, groupId, clientId);
    }

    private static ConsumerConfig ManualCommit(string bootstrapServers, IReadOnlyDictionary<string, string> clientConfig, string groupId, string clientId) =>
        new(new Dictionary<string, string>(clientConfig, StringComparer.Ordinal))
        {
            BootstrapServers = bootstrapServers,
            GroupId = groupId,
            ClientId = clientId,
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            FetchWaitMaxMs = FetchWaitMaxMs,
        };
}
