using System.Globalization;
using System.Text;
using Confluent.Kafka;
using ErrorCode = Confluent.Kafka.ErrorCode;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrafficOrleans.GrainInterfaces.Grains;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.GrainInterfaces.Messages.Validation;
using TrafficOrleans.Kafka.Producing;
using TrafficOrleans.Kafka;
using TrafficOrleans.Kafka.Consuming;
using TrafficOrleans.Kafka.Health;

namespace TrafficOrleans.Grains.Routing;

/// <summary>
/// Reads <c>traffic-predictions</c> in consumer group <c>route-graph-group</c> (one member per silo; Kafka spreads
/// the partitions over the silos) and hands the predictions to the singleton <see cref="IRoutingGrain"/> in
/// batches of <see cref="RoutingOptions.BatchSize"/> or every <see cref="RoutingOptions.BatchWindow"/>, whichever
/// comes first. Offsets are committed only after the grain accepted the batch, so a crash redelivers rather than
/// loses (re-applying a prediction is harmless). Malformed values go to the dead-letter topic with reason headers.
/// </summary>
public sealed partial class RouteGraphConsumer(
    IGrainFactory grains,
    RoutingKafkaClients kafka,
    IOptions<RoutingOptions> options,
    IOptions<KafkaConnectionOptions> kafkaOptions,
    RoutingMetrics metrics,
    IOptions<MessageLimits> limits,
    PipelineHealth health,
    TimeProvider clock,
    ILogger<RouteGraphConsumer> logger) : BackgroundService
{
    /// <summary>Name of this component in the readiness report.</summary>
    public const string HealthComponent = "route-graph-consumer";

    private readonly List<RoadPrediction> _batch = [];
    private readonly OffsetBatch _offsets = new(clock, options.Value.BatchWindow, options.Value.BatchSize);

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.ConsumerEnabled) return Task.CompletedTask;
        // Consume() blocks: give the loop its own thread instead of a pool thread.
        return Task.Factory.StartNew(() => RunAsync(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        LogStarting(logger, settings.PredictionsTopic, settings.ConsumerGroup, kafkaOptions.Value.Describe());
        using var consumer = new ConsumerBuilder<string?, byte[]>(kafka.ConsumerConfig($"route-graph-{Environment.MachineName}"))
            .SetErrorHandler((_, error) => LogKafkaError(logger, error.Code, error.Reason))
            .SetLogHandler((_, message) => LogKafkaLog(logger, message.Facility, message.Message))
            // Uncommitted work of revoked partitions is redelivered to their new owner; drop it here.
            .SetPartitionsRevokedHandler((_, _) => ResetBatch())
            .SetPartitionsLostHandler((_, _) => ResetBatch())
            .Build();
        consumer.Subscribe(settings.PredictionsTopic);
        var grain = grains.GetGrain<IRoutingGrain>(IRoutingGrain.SingletonKey);
        await consumer.ConsumeInBatchesAsync(
            _offsets, Accept, () => FlushAsync(consumer, grain, stoppingToken), error => LogKafkaError(logger, error.Code, error.Reason), stoppingToken,
            health.For(HealthComponent));
    }

    private void Accept(ConsumeResult<string?, byte[]> result)
    {
        if (PredictionDecoder.TryDecode(result.Message.Value, limits.Value, clock.GetUtcNow(), out var prediction, out var category, out var reason))
        {
            _batch.Add(prediction!);
            return;
        }

        DeadLetter(result, category, reason);
    }

    private async Task FlushAsync(IConsumer<string?, byte[]> consumer, IRoutingGrain grain, CancellationToken stoppingToken)
    {
        if (_batch.Count > 0)
        {
            var batch = _batch.ToArray();
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var applied = await grain.ApplyPredictionsAsync(batch);
                    LogBatchApplied(logger, batch.Length, applied.GraphVersion, applied.RoadsUpdated);
                    break;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The grain is the only place the weights live: keep the batch and offsets and retry.
                    LogApplyFailed(logger, batch.Length, attempt, ex);
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 250 * attempt)), stoppingToken);
                }
            }
        }

        // If a rebalance got in between, the new owner re-reads from the last commit and re-applies (harmless).
        consumer.CommitBatch(_offsets, reason => LogCommitFailed(logger, reason));
        ResetBatch();
    }

    private void ResetBatch()
    {
        _batch.Clear();
        _offsets.Reset();
    }

    private void DeadLetter(ConsumeResult<string?, byte[]> result, string category, string reason)
    {
        metrics.DeadLettered(category);
        LogDeadLettered(logger, result.TopicPartitionOffset.ToString(), category, reason);
        var headers = new Headers
        {
            { KafkaHeaderNames.DeadLetterReason, Encoding.UTF8.GetBytes(reason) },
            { KafkaHeaderNames.DeadLetterCategory, Encoding.UTF8.GetBytes(category) },
            { KafkaHeaderNames.DeadLetterSourceTopic, Encoding.UTF8.GetBytes(result.Topic) },
            { KafkaHeaderNames.DeadLetterSourcePartition, Encoding.UTF8.GetBytes(result.Partition.Value.ToString(CultureInfo.InvariantCulture)) },
            { KafkaHeaderNames.DeadLetterSourceOffset, Encoding.UTF8.GetBytes(result.Offset.Value.ToString(CultureInfo.InvariantCulture)) },
            { KafkaHeaderNames.DeadLetterConsumerGroup, Encoding.UTF8.GetBytes(options.Value.ConsumerGroup) },
            { KafkaHeaderNames.DeadLetterRejectedAt, Encoding.UTF8.GetBytes(clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)) },
        };
        try
        {
            kafka.Producer.Produce(options.Value.DeadLetterTopic, new Message<string?, byte[]> { Key = result.Message.Key, Value = result.Message.Value ?? [], Headers = headers });
        }
        catch (KafkaException ex)
        {
            LogDeadLetterFailed(logger, result.TopicPartitionOffset.ToString(), ex.Error.Reason);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Route-graph consumer reading {Topic} in group {Group} ({Kafka})")]
    private static partial void LogStarting(ILogger logger, string topic, string group, string kafka);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Applied {Count} predictions: graph version {Version}, {Updated} roads updated")]
    private static partial void LogBatchApplied(ILogger logger, int count, string version, int updated);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Routing grain refused a batch of {Count} predictions (attempt {Attempt}); retrying")]
    private static partial void LogApplyFailed(ILogger logger, int count, int attempt, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Route-graph offsets not committed: {Reason}")]
    private static partial void LogCommitFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Prediction {Position} dead-lettered ({Category}): {Reason}")]
    private static partial void LogDeadLettered(ILogger logger, string position, string category, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Prediction {Position} could not be dead-lettered: {Reason}")]
    private static partial void LogDeadLetterFailed(ILogger logger, string position, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Route-graph consumer: Kafka error {Code}: {Reason}")]
    private static partial void LogKafkaError(ILogger logger, ErrorCode code, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "librdkafka {Facility}: {Message}")]
    private static partial void LogKafkaLog(ILogger logger, string facility, string message);
}
