using Confluent.Kafka;
using ErrorCode = Confluent.Kafka.ErrorCode;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;

namespace TrafficOrleans.Kafka.Providers;

/// <summary>
/// Reads one topic-partition for the silo that owns its queue. The partition is assigned manually
/// (Orleans' queue balancer decides ownership, not a Kafka group rebalance); it resumes from the offset
/// committed under the topic's consumer group and commits only what Orleans has delivered.
/// </summary>
public sealed partial class KafkaQueueAdapterReceiver(
    TopicPartition partition,
    KafkaTopicOptions topic,
    KafkaStreamOptions options,
    DeadLetterPublisher deadLetters,
    string clientId,
    ILogger logger) : IQueueAdapterReceiver
{
    private readonly DeliveredOffsetTracker _offsets = new();
    private IConsumer<byte[]?, byte[]?>? _consumer;

    /// <inheritdoc />
    // librdkafka's Committed() is a blocking broker round trip: keep it off the silo's scheduler thread.
    public Task Initialize(TimeSpan timeout) => Task.Run(() => Assign(timeout));

    private void Assign(TimeSpan timeout)
    {
        _consumer = new ConsumerBuilder<byte[]?, byte[]?>(Producing.KafkaClientConfig.Consumer(options, topic.ConsumerGroup, clientId))
            .SetErrorHandler((_, error) => LogClientError(logger, partition.ToString(), error.Code, error.Reason))
            .Build();
        var committed = _consumer.Committed([partition], timeout).Single();
        var start = committed.Offset.IsSpecial ? Offset.Beginning : committed.Offset;
        _consumer.Assign(new TopicPartitionOffset(partition, start));
        if (!committed.Offset.IsSpecial) _offsets.MarkCommitted(committed.Offset.Value);
        LogAssigned(logger, partition.Topic, partition.Partition.Value, topic.ConsumerGroup, start.ToString());
    }

    /// <inheritdoc />
    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount)
    {
        var consumer = _consumer ?? throw new InvalidOperationException("Receiver is not initialized.");
        var limit = maxCount < 0 ? options.MaxBatchSize : Math.Min(maxCount, options.MaxBatchSize);
        var byStream = new Dictionary<string, List<KafkaEvent>>(StringComparer.Ordinal);
        var received = 0;
        while (received < limit)
        {
            // Zero timeout: hand over what librdkafka has prefetched without blocking the pulling agent.
            var result = consumer.Consume(TimeSpan.Zero);
            if (result is null) break;
            if (result.IsPartitionEOF) continue;

            var (key, decoded, rejection) = KafkaMessageDecoder.Decode(result.Message.Key, result.Message.Value, topic, options);
            if (rejection is not null)
            {
                await deadLetters.PublishAsync(result, topic.ConsumerGroup, rejection);
                _offsets.Skipped(result.Offset.Value);
                continue;
            }

            if (!byStream.TryGetValue(key!, out var events)) byStream.Add(key!, events = []);
            events.Add(new KafkaEvent(decoded!, result.Offset.Value));
            _offsets.Received(result.Offset.Value);
            received++;
        }

        if (received > 0) KafkaStreamMetrics.MessagesConsumed.Add(received, new KeyValuePair<string, object?>("topic", topic.Name));
        CommitDeliveredOffsets();
        // One batch per stream, ordered by first offset: the queue cache expects batches in sequence order.
        return byStream
            .Select(run => (IBatchContainer)new KafkaBatchContainer(StreamId.Create(topic.Namespace, run.Key), run.Value, partition.Topic, partition.Partition.Value))
            .OrderBy(container => container.SequenceToken.SequenceNumber)
            .ToList();
    }

    /// <inheritdoc />
    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        _offsets.Delivered(messages.OfType<KafkaBatchContainer>().SelectMany(m => m.Offsets));
        CommitDeliveredOffsets();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task Shutdown(TimeSpan timeout)
    {
        if (_consumer is { } consumer)
        {
            CommitDeliveredOffsets();
            _consumer = null;
            // Close() leaves the group and waits for librdkafka's threads: blocking, so not on the scheduler thread.
            await Task.Run(() =>
            {
                consumer.Close();
                consumer.Dispose();
            });
        }
    }

    private void CommitDeliveredOffsets()
    {
        if (_consumer is null || _offsets.NextCommit() is not { } position) return;
        try
        {
            _consumer.Commit([new TopicPartitionOffset(partition, position)]);
            _offsets.MarkCommitted(position);
            KafkaStreamMetrics.OffsetCommits.Add(1, new KeyValuePair<string, object?>("topic", topic.Name));
        }
        catch (KafkaException ex)
        {
            // Not fatal: the next delivery retries; a crash meanwhile only means redelivery.
            LogCommitFailed(logger, ex, partition.Topic, partition.Partition.Value, position);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reading {Topic}/{Partition} for group {Group} from {Start}")]
    private static partial void LogAssigned(ILogger logger, string topic, int partition, string group, string start);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Committing {Topic}/{Partition} at {Offset} failed")]
    private static partial void LogCommitFailed(ILogger logger, Exception exception, string topic, int partition, long offset);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka consumer {Partition} error {Code}: {Reason}")]
    private static partial void LogClientError(ILogger logger, string partition, ErrorCode code, string reason);
}
