using Confluent.Kafka;

namespace TrafficOrleans.Kafka.Consuming;

/// <summary>
/// Shared pieces of the product's plain consumer-group readers (route graph, notifications): one member per silo,
/// offsets committed by hand only after a batch is durably handled.
/// </summary>
public static class GroupConsumer
{
    /// <summary>A subscribing group member with manual commits; short fetch waits keep sub-second batch windows honest.</summary>
    public static ConsumerConfig Config(KafkaConnectionOptions kafka, string groupId, string clientId)
    {
        ArgumentNullException.ThrowIfNull(kafka);
        return new ConsumerConfig(new Dictionary<string, string>(kafka.ClientConfig, StringComparer.Ordinal))
        {
            BootstrapServers = kafka.BootstrapServers,
            GroupId = groupId,
            ClientId = clientId,
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            FetchWaitMaxMs = 50,
            SessionTimeoutMs = 10_000,
            HeartbeatIntervalMs = 1_000,
        };
    }

    /// <summary>
    /// The next message within <paramref name="timeout"/>, or null on timeout, partition end or a non-fatal error
    /// (reported to <paramref name="onError"/>); fatal errors throw, ending the loop as confluent-kafka's examples do.
    /// </summary>
    public static ConsumeResult<TKey, TValue>? Next<TKey, TValue>(this IConsumer<TKey, TValue> consumer, TimeSpan timeout, Action<Error> onError)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        ArgumentNullException.ThrowIfNull(onError);
        try
        {
            var result = consumer.Consume(timeout);
            return result is null || result.IsPartitionEOF ? null : result;
        }
        catch (ConsumeException ex) when (!ex.Error.IsFatal)
        {
            onError(ex.Error);
            return null;
        }
    }
}
