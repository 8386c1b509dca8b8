using System.Globalization;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using TrafficOrleans.Kafka.Producing;

namespace TrafficOrleans.Kafka.Providers;

/// <summary>
/// Writes a rejected message to the dead-letter topic: original key, value and headers, plus headers
/// saying why, from where and by whom. Returns only after the broker acknowledged it, so the source
/// offset can be committed without losing the message.
/// </summary>
public sealed partial class DeadLetterPublisher(KafkaMessageProducer producer, KafkaStreamOptions options, ILogger logger)
{
    /// <summary>Dead-letters one consumed message.</summary>
    public async Task PublishAsync(ConsumeResult<byte[]?, byte[]?> source, string consumerGroup, MessageRejection rejection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(rejection);
        var headers = new Headers();
        foreach (var header in source.Message.Headers ?? []) headers.Add(header.Key, header.GetValueBytes());
        headers.Add(KafkaHeaderNames.DeadLetterReason, Encoding.UTF8.GetBytes(rejection.Reason));
        headers.Add(KafkaHeaderNames.DeadLetterCategory, Encoding.UTF8.GetBytes(rejection.Category));
        headers.Add(KafkaHeaderNames.DeadLetterSourceTopic, Encoding.UTF8.GetBytes(source.Topic));
        headers.Add(KafkaHeaderNames.DeadLetterSourcePartition, Encoding.UTF8.GetBytes(source.Partition.Value.ToString(CultureInfo.InvariantCulture)));
        headers.Add(KafkaHeaderNames.DeadLetterSourceOffset, Encoding.UTF8.GetBytes(source.Offset.Value.ToString(CultureInfo.InvariantCulture)));
        headers.Add(KafkaHeaderNames.DeadLetterConsumerGroup, Encoding.UTF8.GetBytes(consumerGroup));
        headers.Add(KafkaHeaderNames.DeadLetterRejectedAt, Encoding.UTF8.GetBytes(DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)));

        var message = new Message<byte[]?, byte[]>
        {
            Key = source.Message.Key,
            Value = source.Message.Value ?? [],
            Headers = headers,
            Timestamp = source.Message.Timestamp,
        };
        await producer.ProduceAsync(new TopicPartition(options.DeadLetterTopic, new Partition(0)), message, cancellationToken);
        KafkaStreamMetrics.MessagesDeadLettered.Add(1, new KeyValuePair<string, object?>("category", rejection.Category), new KeyValuePair<string, object?>("topic", source.Topic));
        LogDeadLettered(logger, source.Topic, source.Partition.Value, source.Offset.Value, rejection.Category, rejection.Reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead-lettered {Topic}/{Partition}@{Offset} ({Category}): {Reason}")]
    private static partial void LogDeadLettered(ILogger logger, string topic, int partition, long offset, string category, string reason);
}
