using Confluent.Kafka;
using ErrorCode = Confluent.Kafka.ErrorCode;
using Microsoft.Extensions.Logging;

namespace TrafficOrleans.Kafka.Producing;

/// <summary>
/// The one idempotent producer of a provider (acks=all). When librdkafka's local queue is full the
/// caller waits and retries instead of buffering without bound: back-pressure on a slow broker.
/// </summary>
public sealed partial class KafkaMessageProducer : IDisposable
{
    private static readonly TimeSpan FullQueueBackoff = TimeSpan.FromMilliseconds(20);
    private readonly IProducer<byte[]?, byte[]> _producer;
    private readonly ILogger _logger;

    /// <summary>Creates the producer.</summary>
    public KafkaMessageProducer(KafkaStreamOptions options, string clientId, ILogger logger)
    {
        _logger = logger;
        _producer = new ProducerBuilder<byte[]?, byte[]>(KafkaClientConfig.Producer(options, clientId))
            .SetErrorHandler((_, error) => LogClientError(_logger, error.Code, error.Reason, error.IsFatal))
            .Build();
    }

    /// <summary>Produces to an explicit partition and returns once the broker acknowledged it (acks=all).</summary>
    public async Task<TopicPartitionOffset> ProduceAsync(TopicPartition partition, Message<byte[]?, byte[]> message, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            try
            {
                var result = await _producer.ProduceAsync(partition, message, cancellationToken);
                return result.TopicPartitionOffset;
            }
            catch (ProduceException<byte[]?, byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
            {
                await Task.Delay(FullQueueBackoff, cancellationToken);
            }
        }
    }


    /// <inheritdoc />
    public void Dispose()
    {
        _producer.Flush(TimeSpan.FromSeconds(5));
        _producer.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka producer error {Code}: {Reason} (fatal: {IsFatal})")]
    private static partial void LogClientError(ILogger logger, ErrorCode code, string reason, bool isFatal);
}
