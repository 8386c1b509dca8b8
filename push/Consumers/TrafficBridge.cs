using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.GrainInterfaces.Messages.Validation;
using TrafficOrleans.Kafka;
using TrafficOrleans.Kafka.Consuming;
using TrafficOrleans.Kafka.Health;
using TrafficOrleans.Kafka.Topics;
using TrafficOrleans.Push.Delivery;
using TrafficOrleans.Push.Updates;

namespace TrafficOrleans.Push.Consumers;

/// <summary>
/// This silo's reader of <c>traffic-predictions</c>: a tick's predictions arriving within
/// <see cref="PushOptions.PredictionBatchWindow"/> become ONE <c>trafficUpdated</c> per client, holding only the
/// subscribed roads whose speed or forecast changed.
/// </summary>
public sealed class TrafficBridge(
    PushConnections connections, TrafficChanges changes, PushMetrics metrics, IOptions<PushOptions> push, IOptions<MessageLimits> limits,
    IOptions<KafkaTopicsOptions> topics, IOptions<KafkaConnectionOptions> kafka, PipelineHealth health, TimeProvider clock, ILogger<TrafficBridge> logger)
    : BatchingGroupConsumer<RoadPrediction>(BridgeSettings.For("traffic", topics.Value.Predictions, 20_000, push.Value.PredictionBatchWindow) with { BulkFetch = true }, kafka.Value, health, clock, logger)
{
    /// <inheritdoc />
    protected override bool Enabled => push.Value.Enabled;

    /// <inheritdoc />
    protected override bool TryDecode(ConsumeResult<byte[]?, byte[]?> message, out RoadPrediction? item, out string category, out string reason) =>
        PredictionDecoder.TryDecode(message.Message.Value, limits.Value, null, out item, out category, out reason);

    /// <inheritdoc />
    protected override void OnDeadLettered(string category) => metrics.Rejected("traffic-predictions");

    /// <inheritdoc />
    protected override Task FlushAsync(ConsumedBatch<RoadPrediction> batch, CancellationToken cancellationToken)
    {
        connections.PublishTraffic(changes.Changed(batch.Items));
        return Task.CompletedTask;
    }
}
