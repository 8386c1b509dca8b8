using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrafficOrleans.GrainInterfaces.Grains;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.GrainInterfaces.Messages.Validation;
using TrafficOrleans.Kafka;
using TrafficOrleans.Kafka.Consuming;
using TrafficOrleans.Kafka.Health;
using TrafficOrleans.Kafka.Producing;
using TrafficOrleans.Kafka.Providers;
using TrafficOrleans.Kafka.Topics;

namespace TrafficOrleans.Silo.Routing;

/// <summary>
/// Reads <c>traffic-predictions</c> in consumer group <c>route-graph-group</c> (one member per silo; Kafka spreads
/// the partitions over the silos) and hands the predictions to the singleton <see cref="IRoutingGrain"/> in
/// batches of <see cref="RoutingOptions.BatchSize"/> or every <see cref="RoutingOptions.BatchWindow"/>, whichever
/// comes first. Offsets are committed only after the grain accepted the batch, so a crash redelivers rather than
/// loses (re-applying a prediction is harmless). Malformed values go to the dead-letter topic with reason headers.
/// </summary>
public sealed partial class RouteGraphConsumer(
    IGrainFactory grains,
    KafkaMessageProducer producer,
    IOptions<RoutingOptions> options,
    IOptions<KafkaTopicsOptions> topics,
    IOptions<KafkaConnectionOptions> kafkaOptions,
    RoutingMetrics metrics,
    IOptions<MessageLimits> limits,
    PipelineHealth health,
    TimeProvider clock,
    ILogger<RouteGraphConsumer> logger)
    : BatchingGroupConsumer<RoadPrediction>(ConsumerSettings(options.Value, topics.Value), kafkaOptions.Value, health, clock, logger)
{
    /// <summary>Name of this component in the readiness report.</summary>
    public const string HealthComponent = "route-graph-consumer";

    /// <inheritdoc />
    protected override bool Enabled => options.Value.ConsumerEnabled;

    /// <inheritdoc />
    protected override bool TryDecode(ConsumeResult<byte[]?, byte[]?> message, out RoadPrediction? item, out string category, out string reason) =>
        PredictionDecoder.TryDecode(message.Message.Value, limits.Value, Clock.GetUtcNow(), out item, out category, out reason);

    /// <inheritdoc />
    protected override void OnDeadLettered(string category) => metrics.DeadLettered(category);

    /// <inheritdoc />
    protected override async Task FlushAsync(ConsumedBatch<RoadPrediction> batch, CancellationToken cancellationToken)
    {
        foreach (var letter in batch.DeadLetters) DeadLetter(letter);
        if (batch.Items.Count == 0) return;
        // The grain is the only place the weights live: a refusal throws, and the batch and its offsets are retried.
        var applied = await grains.GetGrain<IRoutingGrain>(options.Value.City).ApplyPredictionsAsync(batch.Items.ToArray());
        metrics.BatchApplied(applied.RoadsUpdated, applied.UnknownRoads + applied.Invalid);
        LogBatchApplied(logger, batch.Items.Count, applied.GraphVersion, applied.RoadsUpdated);
    }

    private static GroupConsumerSettings ConsumerSettings(RoutingOptions options, KafkaTopicsOptions topics) =>
        new("route-graph", topics.Predictions, options.ConsumerGroup, options.BatchSize, options.BatchWindow, HealthComponent) { BulkFetch = true };

    private void DeadLetter(DeadLetter letter)
    {
        producer.Produce(topics.Value.DeadLetters, letter.ToMessage(Clock.GetUtcNow()), reason =>
            LogDeadLetterFailed(logger, $"{letter.SourceTopic}/{letter.SourcePartition}@{letter.SourceOffset}", reason));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Applied {Count} predictions: graph version {Version}, {Updated} roads updated")]
    private static partial void LogBatchApplied(ILogger logger, int count, string version, int updated);

    [LoggerMessage(Level = LogLevel.Error, Message = "Prediction {Position} could not be dead-lettered: {Reason}")]
    private static partial void LogDeadLetterFailed(ILogger logger, string position, string reason);
}
