using Confluent.Kafka;
using ErrorCode = Confluent.Kafka.ErrorCode;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.GrainInterfaces.Messages.Validation;
using TrafficOrleans.Ingest.Outbox;
using TrafficOrleans.Kafka;
using TrafficOrleans.Kafka.Consuming;
using TrafficOrleans.Kafka.Health;
using TrafficOrleans.Notifications.Rules;

namespace TrafficOrleans.Notifications.Delivery;

/// <summary>
/// Reads <c>traffic-predictions</c> in consumer group <c>notification-group</c> (one member per silo; Kafka spreads
/// the partitions) in batches of <see cref="NotificationOptions.BatchSize"/> or every
/// <see cref="NotificationOptions.BatchWindow"/>. Each batch is stored by <see cref="NotificationStore"/> in one
/// transaction, and only then are its offsets committed: a crash in between redelivers predictions whose alerts
/// have the same event ids, which the UNIQUE constraint turns into no-ops.
/// </summary>
public sealed partial class NotificationConsumer(
    NotificationStore store,
    IOptions<NotificationOptions> options,
    IOptions<KafkaConnectionOptions> kafka,
    NotificationMetrics metrics,
    CrashPoints crashPoints,
    IOptions<MessageLimits> limits,
    PipelineHealth health,
    TimeProvider clock,
    ILogger<NotificationConsumer> logger) : BackgroundService
{
    /// <summary>Name of this component in the readiness report.</summary>
    public const string HealthComponent = "notification-consumer";

    private readonly NotificationOptions _options = options.Value;
    private readonly BatchEvaluator _evaluator = new(new NotificationRules(options.Value));
    private readonly List<RoadPrediction> _predictions = [];
    private readonly List<OutboxMessage> _deadLetters = [];
    private readonly OffsetBatch _offsets = new(clock, options.Value.BatchWindow, options.Value.BatchSize);

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // Consume() blocks: give the loop its own thread instead of a pool thread.
        Task.Factory.StartNew(() => RunAsync(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        LogStarting(logger, _options.PredictionsTopic, _options.ConsumerGroup, kafka.Value.Describe());
        using var consumer = new ConsumerBuilder<string?, byte[]>(GroupConsumer.Config(kafka.Value, _options.ConsumerGroup, $"notifications-{Environment.MachineName}"))
            .SetErrorHandler((_, error) => LogKafkaError(logger, error.Code, error.Reason))
            // Uncommitted work of revoked partitions is redelivered to their new owner; drop it here.
            .SetPartitionsRevokedHandler((_, _) => ResetBatch())
            .SetPartitionsLostHandler((_, _) => ResetBatch())
            .Build();
        consumer.Subscribe(_options.PredictionsTopic);
        await consumer.ConsumeInBatchesAsync(
            _offsets, Accept, () => FlushAsync(consumer, stoppingToken), error => LogKafkaError(logger, error.Code, error.Reason), stoppingToken,
            health.For(HealthComponent));
    }

    private void Accept(ConsumeResult<string?, byte[]> result)
    {
        if (PredictionDecoder.TryDecode(result.Message.Value, limits.Value, clock.GetUtcNow(), out var prediction, out var category, out var reason))
        {
            _predictions.Add(prediction!);
            return;
        }

        metrics.DeadLettered(category);
        LogDeadLettered(logger, result.TopicPartitionOffset.ToString(), category, reason);
        _deadLetters.Add(DeadLetters.For(result, category, reason, _options, clock.GetUtcNow()));
    }

    private async Task FlushAsync(IConsumer<string?, byte[]> consumer, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var outcome = await store.WriteAsync(_predictions, _deadLetters, _evaluator, stoppingToken);
                metrics.Evaluated(_predictions.Count);
                foreach (var (alertType, count) in outcome.InsertedByType) metrics.Raised(alertType, count);
                LogBatchStored(logger, _predictions.Count, outcome.Alerts, outcome.Inserted, outcome.DeadLettered);
                break;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // PostgreSQL is the record of what was handled: keep the batch and its offsets and try again.
                LogStoreFailed(logger, _predictions.Count, attempt, ex);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 250 * attempt)), clock, stoppingToken);
            }
        }

        crashPoints.AfterDatabaseCommit();
        // If a rebalance got in between, the new owner re-reads from the last commit; the stored alerts make that a no-op.
        consumer.CommitBatch(_offsets, reason => LogCommitFailed(logger, reason));
        ResetBatch();
    }

    private void ResetBatch()
    {
        _predictions.Clear();
        _deadLetters.Clear();
        _offsets.Reset();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification consumer reading {Topic} in group {Group} ({Kafka})")]
    private static partial void LogStarting(ILogger logger, string topic, string group, string kafka);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Evaluated {Predictions} predictions: {Alerts} alerts, {Inserted} new notifications, {DeadLettered} dead-lettered")]
    private static partial void LogBatchStored(ILogger logger, int predictions, int alerts, long inserted, int deadLettered);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification batch of {Count} predictions not stored (attempt {Attempt}); retrying")]
    private static partial void LogStoreFailed(ILogger logger, int count, int attempt, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification offsets not committed: {Reason}")]
    private static partial void LogCommitFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Prediction {Position} dead-lettered ({Category}): {Reason}")]
    private static partial void LogDeadLettered(ILogger logger, string position, string category, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification consumer: Kafka error {Code}: {Reason}")]
    private static partial void LogKafkaError(ILogger logger, ErrorCode code, string reason);
}
