using Confluent.Kafka;
using ErrorCode = Confluent.Kafka.ErrorCode;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TrafficOrleans.Kafka.Producing;

/// <summary>
/// The one idempotent producer (acks=all) of a host, a DI singleton: stream events, outbox rows, route updates and
/// dead letters all go through it, so a silo holds one connection set and one producer id. Created on first use so a
/// host starts before the broker answers; flushed and disposed once, with the container, after the silo stopped.
/// When librdkafka's local queue is full a produce waits and retries instead of buffering without bound. A fatal
/// client error (e.g. the idempotent sequence state is lost) retires the client; the next produce builds a new one.
/// </summary>
public sealed partial class KafkaMessageProducer : IDisposable
{
    private static readonly TimeSpan FullQueueBackoff = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan FlushTimeout = TimeSpan.FromSeconds(5);
    private readonly ProducerConfig _config;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private IProducer<byte[]?, byte[]>? _client;
    private IProducer<byte[]?, byte[]>? _failed;
    private bool _disposed;

    /// <summary>Creates the host's producer from the <c>Kafka</c> and <c>Kafka:Producer</c> sections.</summary>
    public KafkaMessageProducer(IOptions<KafkaConnectionOptions> connection, IOptions<KafkaProducerOptions> options, ILogger<KafkaMessageProducer> logger)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(options);
        _config = KafkaClientConfig.Producer(connection.Value, options.Value, $"traffic-{Environment.MachineName}");
        _logger = logger;
    }

    /// <summary>Produces to an explicit partition and returns once the broker acknowledged it.</summary>
    public Task<TopicPartitionOffset> ProduceAsync(TopicPartition partition, Message<byte[]?, byte[]> message, CancellationToken cancellationToken = default) =>
        WaitingWhileQueueFullAsync(client => client.ProduceAsync(partition, message, cancellationToken), cancellationToken);

    /// <summary>Produces to a topic (key-partitioned, murmur2) and returns once the broker acknowledged it.</summary>
    public Task<TopicPartitionOffset> ProduceAsync(string topic, Message<byte[]?, byte[]> message, CancellationToken cancellationToken = default) =>
        WaitingWhileQueueFullAsync(client => client.ProduceAsync(topic, message, cancellationToken), cancellationToken);

    /// <summary>
    /// Produces without waiting for the broker (for callers that must not wait, such as a grain turn); the delivery
    /// report, or a refusal to enqueue, goes to <paramref name="onFailure"/> with its reason.
    /// </summary>
    public void Produce(string topic, Message<byte[]?, byte[]> message, Action<string> onFailure)
    {
        ArgumentNullException.ThrowIfNull(onFailure);
        try
        {
            Client().Produce(topic, message, report =>
            {
                if (report.Error.IsError) onFailure(report.Error.Reason);
            });
        }
        catch (Exception ex) when (ex is KafkaException or InvalidOperationException or ObjectDisposedException)
        {
            onFailure(ex.Message);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        IProducer<byte[]?, byte[]>? client;
        IProducer<byte[]?, byte[]>? failed;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            (client, failed) = (_client, _failed);
            (_client, _failed) = (null, null);
        }

        Retire(failed);
        Retire(client);
    }

    private async Task<TopicPartitionOffset> WaitingWhileQueueFullAsync(
        Func<IProducer<byte[]?, byte[]>, Task<DeliveryResult<byte[]?, byte[]>>> produce, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var result = await produce(Client());
                return result.TopicPartitionOffset;
            }
            catch (ProduceException<byte[]?, byte[]> ex) when (ex.Error.Code == ErrorCode.Local_QueueFull)
            {
                await Task.Delay(FullQueueBackoff, cancellationToken);
            }
        }
    }

    private IProducer<byte[]?, byte[]> Client()
    {
        IProducer<byte[]?, byte[]>? failed;
        IProducer<byte[]?, byte[]> client;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            failed = _failed;
            _failed = null;
            client = _client ??= new ProducerBuilder<byte[]?, byte[]>(_config).SetErrorHandler(OnClientError).Build();
        }

        // Outside the lock: a flush waits up to five seconds and must not hold up the other producers.
        Retire(failed);
        return client;
    }

    private void OnClientError(IProducer<byte[]?, byte[]> client, Error error)
    {
        LogClientError(_logger, error.Code, error.Reason, error.IsFatal);
        if (!error.IsFatal) return;
        lock (_gate)
        {
            // Retired by the next caller, not here: this runs on librdkafka's thread, which disposing would join.
            if (!ReferenceEquals(_client, client)) return;
            _failed = client;
            _client = null;
        }
    }

    private static void Retire(IProducer<byte[]?, byte[]>? client)
    {
        if (client is null) return;
        client.Flush(FlushTimeout);
        client.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka producer error {Code}: {Reason} (fatal: {IsFatal})")]
    private static partial void LogClientError(ILogger logger, ErrorCode code, string reason, bool isFatal);
}
