using Confluent.Kafka;
using ErrorCode = Confluent.Kafka.ErrorCode;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;

namespace TrafficOrleans.Kafka.Providers;

/// <summary>
/// Reads one topic-partition for the silo that owns its queue. The partition is assigned manually
/// (Orleans' queue balancer decides ownership, not a Kafka group rebalance); it resumes from the offset
/// committed under the topic's consumer group and commits only what Orleans has delivered or what went
/// to the dead-letter topic.
/// </summary>
public sealed partial class KafkaQueueAdapterReceiver(
    TopicPartition partition,
    KafkaTopicOptions topic,
    KafkaStreamOptions options,
    DeadLetterPublisher deadLetters,
    DeadLetterMarks deadLetterMarks,
    AbandonedDeliveries abandoned,
    IKafkaEventValidator? validator,
    string clientId,
    KafkaStreamMetrics metrics,
    ILogger logger) : IQueueAdapterReceiver
{
    private readonly DeliveredOffsetTracker _offsets = new();

    // What Orleans holds and has not delivered, by offset: kept so that a delivery Orleans gives up on can still
    // be dead-lettered with its original bytes. Touched only by the pulling agent (one turn at a time).
    private readonly Dictionary<long, (string StreamKey, ConsumeResult<byte[]?, byte[]?> Message)> _undelivered = [];
    private IConsumer<byte[]?, byte[]?>? _consumer;

    // Everything rejected below this offset was dead-lettered before (see DeadLetterMarks); -1 before the first.
    private long _deadLetteredBelow = -1;

    /// <inheritdoc />
    // librdkafka's Committed() is a blocking broker round trip: keep it off the silo's scheduler thread.
    public Task Initialize(TimeSpan timeout) => Task.Run(() => Assign(timeout));

    private void Assign(TimeSpan timeout)
    {
        // Orleans retries a failed start on the same receiver: the consumer of a failed attempt must not leak.
        _consumer?.Dispose();
        _consumer = new ConsumerBuilder<byte[]?, byte[]?>(Consuming.KafkaConsumerConfig.StreamReceiver(options, topic.ConsumerGroup, clientId))
            .SetErrorHandler((_, error) => LogClientError(logger, partition.ToString(), error.Code, error.Reason))
            .Build();
        var committed = _consumer.Committed([partition], timeout).Single();
        var start = committed.Offset.IsSpecial ? Offset.Beginning : committed.Offset;
        _consumer.Assign(new TopicPartitionOffset(partition, start));
        if (!committed.Offset.IsSpecial) _offsets.MarkCommitted(committed.Offset.Value);
        _deadLetteredBelow = deadLetterMarks.Read(partition, topic.ConsumerGroup, timeout);
        LogAssigned(logger, partition.Topic, partition.Partition.Value, topic.ConsumerGroup, start.ToString());
    }

    /// <inheritdoc />
    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount)
    {
        var consumer = _consumer ?? throw new InvalidOperationException("Receiver is not initialized.");
        await SettleAbandonedAsync();
        var limit = maxCount < 0 ? options.MaxBatchSize : Math.Min(maxCount, options.MaxBatchSize);
        var byStream = new Dictionary<string, List<KafkaEvent>>(StringComparer.Ordinal);
        var received = 0;
        var deadLettered = _deadLetteredBelow;
        while (received < limit)
        {
            // Zero timeout: hand over what librdkafka has prefetched without blocking the pulling agent.
            var result = consumer.Consume(TimeSpan.Zero);
            if (result is null) break;
            if (result.IsPartitionEOF) continue;

            var (key, decoded, rejection) = KafkaMessageDecoder.Decode(result.Message.Key, result.Message.Value, topic, options, validator);
            if (rejection is not null)
            {
                if (!await TryDeadLetterAsync(consumer, result, rejection)) break;
                deadLettered = Math.Max(deadLettered, result.Offset.Value + 1);
                continue;
            }

            if (!byStream.TryGetValue(key!, out var events)) byStream.Add(key!, events = []);
            events.Add(new KafkaEvent(decoded!, result.Offset.Value));
            _offsets.Received(result.Offset.Value);
            _undelivered[result.Offset.Value] = (key!, result);
            received++;
        }

        if (received > 0) metrics.MessagesConsumed.Add(received, new KeyValuePair<string, object?>("topic", topic.Name));
        MarkDeadLettered(deadLettered);
        StoreDeliveredOffsets();
        // One batch per stream, ordered by first offset: the queue cache expects batches in sequence order.
        return byStream
            .Select(run => (IBatchContainer)new KafkaBatchContainer(StreamId.Create(topic.Namespace, run.Key), run.Value, partition.Topic, partition.Partition.Value))
            .OrderBy(container => container.SequenceToken.SequenceNumber)
            .ToList();
    }

    /// <summary>
    /// Dead-letters a rejected message; when the dead-letter topic cannot be written (broker down) the consumer is
    /// rewound to the message so the next pull tries again — a rejected message is never silently skipped.
    /// </summary>
    private async Task<bool> TryDeadLetterAsync(IConsumer<byte[]?, byte[]?> consumer, ConsumeResult<byte[]?, byte[]?> result, MessageRejection rejection)
    {
        try
        {
            if (result.Offset.Value >= _deadLetteredBelow) await deadLetters.PublishAsync(result, topic.ConsumerGroup, rejection);
            else LogAlreadyDeadLettered(logger, partition.Topic, partition.Partition.Value, result.Offset.Value);
            _offsets.Skipped(result.Offset.Value);
            return true;
        }
        catch (KafkaException ex)
        {
            LogDeadLetterFailed(logger, ex, partition.Topic, partition.Partition.Value, result.Offset.Value);
            consumer.Seek(result.TopicPartitionOffset);
            return false;
        }
    }

    private void MarkDeadLettered(long position)
    {
        if (position <= _deadLetteredBelow) return;
        try
        {
            deadLetterMarks.Write(partition, topic.ConsumerGroup, position);
            _deadLetteredBelow = position;
        }
        catch (KafkaException ex)
        {
            // Not fatal: a restart before the next mark dead-letters this pull's rejects once more.
            LogCommitFailed(logger, ex, partition.Topic, partition.Partition.Value, position);
        }
    }

    /// <summary>
    /// Dead-letters the undelivered messages of streams Orleans gave up on and releases their offsets: the
    /// partition's commits must not stop because of one stream.
    /// </summary>
    private async Task SettleAbandonedAsync()
    {
        while (abandoned.TryTake(out var stream, out var fromOffset))
        {
            var key = stream.GetKeyAsString();
            var lost = _undelivered.Where(u => u.Key >= fromOffset && string.Equals(u.Value.StreamKey, key, StringComparison.Ordinal))
                .Select(u => u.Value.Message).OrderBy(m => m.Offset.Value).ToList();
            try
            {
                foreach (var message in lost)
                {
                    await deadLetters.PublishAsync(message, topic.ConsumerGroup,
                        new MessageRejection("delivery-abandoned", $"Orleans gave up delivering stream {stream} from offset {fromOffset}; see the silo's error log"));
                }
            }
            catch (KafkaException ex)
            {
                // Try again on the next pull; a message dead-lettered twice carries the same source offset header.
                LogDeadLetterFailed(logger, ex, partition.Topic, partition.Partition.Value, fromOffset);
                abandoned.Abandon(stream, fromOffset);
                return;
            }

            Settle(lost.Select(m => m.Offset.Value));
        }
    }

    /// <inheritdoc />
    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        Settle(messages.OfType<KafkaBatchContainer>().SelectMany(m => m.Offsets));
        StoreDeliveredOffsets();
        return Task.CompletedTask;
    }

    private void Settle(IEnumerable<long> offsets)
    {
        var settled = offsets.Where(_undelivered.Remove).ToList();
        _offsets.Delivered(settled);
    }

    /// <inheritdoc />
    public async Task Shutdown(TimeSpan timeout)
    {
        if (_consumer is { } consumer)
        {
            StoreDeliveredOffsets();
            _consumer = null;
            // Commit (what was stored, without waiting for the next interval) and Close() are broker round trips and wait
            // for librdkafka's threads: blocking, so not on the scheduler thread.
            await Task.Run(() =>
            {
                CommitStored(consumer);
                consumer.Close();
                consumer.Dispose();
            });
        }
    }

    // Stores the position for librdkafka's background commit (KafkaConsumerConfig.StreamReceiver): never a broker round trip here.
    private void StoreDeliveredOffsets()
    {
        if (_consumer is null || _offsets.NextCommit() is not { } position) return;
        try
        {
            _consumer.StoreOffset(new TopicPartitionOffset(partition, position));
            _offsets.MarkCommitted(position);
            metrics.OffsetCommits.Add(1, new KeyValuePair<string, object?>("topic", topic.Name));
        }
        catch (KafkaException ex)
        {
            // Not fatal: the next delivery retries; a crash meanwhile only means redelivery.
            LogCommitFailed(logger, ex, partition.Topic, partition.Partition.Value, position);
        }
    }

    private void CommitStored(IConsumer<byte[]?, byte[]?> consumer)
    {
        try
        {
            consumer.Commit();
        }
        catch (KafkaException ex) when (ex.Error.Code == ErrorCode.Local_NoOffset)
        {
            // Nothing stored since the last background commit.
        }
        catch (KafkaException ex)
        {
            // Not fatal: the restarted receiver redelivers from the last commit, and the grains drop the duplicates.
            LogCommitFailed(logger, ex, partition.Topic, partition.Partition.Value, _offsets.Committed);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reading {Topic}/{Partition} for group {Group} from {Start}")]
    private static partial void LogAssigned(ILogger logger, string topic, int partition, string group, string start);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Committing {Topic}/{Partition} at {Offset} failed")]
    private static partial void LogCommitFailed(ILogger logger, Exception exception, string topic, int partition, long offset);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead-lettering {Topic}/{Partition}@{Offset} failed; the message is read again on the next pull")]
    private static partial void LogDeadLetterFailed(ILogger logger, Exception exception, string topic, int partition, long offset);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Topic}/{Partition}@{Offset} was dead-lettered before the restart; not again")]
    private static partial void LogAlreadyDeadLettered(ILogger logger, string topic, int partition, long offset);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka consumer {Partition} error {Code}: {Reason}")]
    private static partial void LogClientError(ILogger logger, string partition, ErrorCode code, string reason);
}
