using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.GrainInterfaces.Messages.Validation;
using TrafficOrleans.Kafka;
using TrafficOrleans.Kafka.Consuming;
using TrafficOrleans.Kafka.Health;
using TrafficOrleans.Kafka.Providers;
using TrafficOrleans.Kafka.Topics;
using TrafficOrleans.Notifications.Rules;

namespace TrafficOrleans.Notifications.Delivery;

/// <summary>
/// Reads <c>traffic-predictions</c> in consumer group <c>notification-group</c> (one member per silo; Kafka spreads
/// the partitions) in batches of <see cref="NotificationOptions.BatchSize"/> or every
/// <see cref="NotificationOptions.BatchWindow"/>. Each batch — alerts and the dead letters of rejected values — is
/// stored by <see cref="NotificationStore"/> in one transaction (the dead letters reach Kafka through the outbox), and
/// only then are its offsets committed: a crash in between redelivers predictions whose alerts have the same event
/// ids, which the UNIQUE constraint turns into no-ops.
/// </summary>
public sealed partial class NotificationConsumer(
    NotificationStore store,
    IOptions<NotificationOptions> options,
    IRoadDirectory roads,
    IOptions<KafkaTopicsOptions> topics,
    IOptions<KafkaConnectionOptions> kafka,
    NotificationMetrics metrics,
    CrashPoints crashPoints,
    IOptions<MessageLimits> limits,
    PipelineHealth health,
    TimeProvider clock,
    ILogger<NotificationConsumer> logger)
    : BatchingGroupConsumer<RoadPrediction>(ConsumerSettings(options.Value, topics.Value), kafka.Value, health, clock, logger)
{
    /// <summary>Name of this component in the readiness report.</summary>
    public const string HealthComponent = "notification-consumer";

    private readonly BatchEvaluator _evaluator = new(new NotificationRules(options.Value, roads));

    /// <inheritdoc />
    protected override bool TryDecode(ConsumeResult<byte[]?, byte[]?> message, out RoadPrediction? item, out string category, out string reason) =>
        PredictionDecoder.TryDecode(message.Message.Value, limits.Value, Clock.GetUtcNow(), out item, out category, out reason);

    /// <inheritdoc />
    protected override void OnDeadLettered(string category) => metrics.DeadLettered(category);

    /// <inheritdoc />
    protected override async Task FlushAsync(ConsumedBatch<RoadPrediction> batch, CancellationToken cancellationToken)
    {
        var rejectedAt = Clock.GetUtcNow();
        var deadLetters = batch.DeadLetters.Select(letter => DeadLetters.For(letter, topics.Value.DeadLetters, rejectedAt)).ToList();
        var outcome = await store.WriteAsync(batch.Items, deadLetters, _evaluator, cancellationToken);
        // Recorded for the attempt that stored the batch only, so a retried batch counts once.
        if (batch.OldestProducedAt is { } oldest) metrics.BatchWaited(rejectedAt.UtcDateTime - oldest);
        metrics.BatchStored(Clock.GetUtcNow() - rejectedAt);
        metrics.Evaluated(batch.Items.Count);
        foreach (var (alertType, count) in outcome.InsertedByType) metrics.Raised(alertType, count);
        LogBatchStored(logger, batch.Items.Count, outcome.Alerts, outcome.Inserted, outcome.DeadLettered);
    }

    /// <inheritdoc />
    // If a rebalance gets in between, the new owner re-reads from the last commit; the stored alerts make that a no-op.
    protected override void BeforeCommit() => crashPoints.AfterDatabaseCommit();

    private static GroupConsumerSettings ConsumerSettings(NotificationOptions options, KafkaTopicsOptions topics) =>
        new("notifications", topics.Predictions, options.ConsumerGroup, options.BatchSize, options.BatchWindow, HealthComponent);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Evaluated {Predictions} predictions: {Alerts} alerts, {Inserted} new notifications, {DeadLettered} dead-lettered")]
    private static partial void LogBatchStored(ILogger logger, int predictions, int alerts, long inserted, int deadLettered);
}
