using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;
using TrafficOrleans.Kafka.Producing;

namespace TrafficOrleans.Kafka.Providers;

/// <summary>
/// Produces stream events as plain JSON Kafka messages (key = stream key, murmur2 partition, Orleans
/// metadata in headers) and creates a receiver per topic-partition queue.
/// </summary>
public sealed class KafkaQueueAdapter(
    string name,
    KafkaStreamOptions options,
    KafkaStreamQueueMapper queueMapper,
    KafkaStreamClients clients,
    Func<QueueId, AbandonedDeliveries> abandonedOf,
    IKafkaEventValidator? validator,
    ILoggerFactory loggerFactory) : IQueueAdapter
{
    private static readonly ConcurrentDictionary<Type, byte[]> EventTypeHeaders = new();

    /// <inheritdoc />
    public string Name => name;

    /// <inheritdoc />
    public bool IsRewindable => false;

    /// <inheritdoc />
    public StreamProviderDirection Direction => StreamProviderDirection.ReadWrite;

    /// <inheritdoc />
    public async Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        ArgumentNullException.ThrowIfNull(events);
        var streamNamespace = streamId.GetNamespace() ?? "";
        var topic = options.TopicForNamespace(streamNamespace)
            ?? throw new InvalidOperationException($"Stream namespace '{streamNamespace}' is not mapped to a Kafka topic in provider '{name}'.");
        var key = streamId.Key.ToArray();
        var partition = new TopicPartition(topic.Name, KafkaPartitioner.PartitionFor(key, topic.Partitions));
        var namespaceHeader = Encoding.UTF8.GetBytes(streamNamespace);
        var deliveries = new List<Task<TopicPartitionOffset>>();
        foreach (var @event in events)
        {
            var eventType = @event?.GetType() ?? typeof(T);
            var message = new Message<byte[]?, byte[]>
            {
                Key = key,
                Value = JsonSerializer.SerializeToUtf8Bytes(@event, eventType, options.JsonSerializerOptions),
                Headers = new Headers
                {
                    { KafkaHeaderNames.EventType, EventTypeHeader(eventType) },
                    { KafkaHeaderNames.StreamNamespace, namespaceHeader },
                },
            };
            deliveries.Add(clients.Producer.ProduceAsync(partition, message));
        }

        await Task.WhenAll(deliveries);
        clients.Metrics.MessagesProduced.Add(deliveries.Count, new KeyValuePair<string, object?>("topic", topic.Name));
    }

    // Header values are not mutated by the client, so one UTF-8 copy per event type serves every message.
    private static byte[] EventTypeHeader(Type type) =>
        EventTypeHeaders.GetOrAdd(type, t => Encoding.UTF8.GetBytes(KafkaHeaderNames.EventTypeName(t)));

    /// <inheritdoc />
    public IQueueAdapterReceiver CreateReceiver(QueueId queueId)
    {
        var partition = queueMapper.PartitionOf(queueId);
        var topic = options.Topics.Single(t => t.Name == partition.Topic);
        return new KafkaQueueAdapterReceiver(
            partition, topic, options, clients.DeadLetters, clients.DeadLetterMarks, abandonedOf(queueId), validator, $"{name}-{partition.Topic}-{partition.Partition.Value}", clients.Metrics,
            loggerFactory.CreateLogger<KafkaQueueAdapterReceiver>());
    }
}
