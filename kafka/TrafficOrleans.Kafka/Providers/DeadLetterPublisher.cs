using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using TrafficOrleans.Kafka.Producing;

namespace TrafficOrleans.Kafka.Providers;

/// <summary>
/// Writes a rejected message to the dead-letter topic: original key, value and headers, plus headers
/// saying why, from where and by whom. Returns only after the broker acknowledged it, so the source
/// offset can be committed without losing the message.
/// </summary>
public sealed partial class DeadLetterPublisher(KafkaMessageProducer producer, KafkaStreamOptions options, KafkaStreamMetrics metrics, ILogger logger)
{
    /// <summary>Dead-letters one consumed message.</summary>
    public Task PublishAsync(ConsumeResult<byte[]?, byte[]?> source, string consumerGroup, MessageRejection rejection, CancellationToken cancellationToken = default) =>
        PublishAsync(DeadLetter.Of(source, consumerGroup, rejection), cancellationToken);

    /// <summary>Dead-letters one message.</summary>
    public async Task PublishAsync(DeadLetter letter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        await producer.ProduceAsync(new TopicPartition(options.DeadLetterTopic, new Partition(0)), letter.ToMessage(DateTimeOffset.UtcNow), cancellationToken);
        metrics.MessagesDeadLettered.Add(1, new KeyValuePair<string, object?>("category", letter.Rejection.Category), new KeyValuePair<string, object?>("topic", letter.SourceTopic));
        LogDeadLettered(logger, letter.SourceTopic, letter.SourcePartition, letter.SourceOffset, letter.Rejection.Category, letter.Rejection.Reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead-lettered {Topic}/{Partition}@{Offset} ({Category}): {Reason}")]
    private static partial void LogDeadLettered(ILogger logger, string topic, int partition, long offset, string category, string reason);
}
