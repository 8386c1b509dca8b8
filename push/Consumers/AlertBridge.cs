using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrafficOrleans.Kafka;
using TrafficOrleans.Kafka.Consuming;
using TrafficOrleans.Kafka.Health;
using TrafficOrleans.Kafka.Topics;
using TrafficOrleans.Push.Alerts;
using TrafficOrleans.Push.Delivery;

namespace TrafficOrleans.Push.Consumers;

/// <summary>
/// This silo's reader of <c>traffic-notifications</c>: hands every alert to the connected clients whose subscription
/// covers its road. Small batches (20 ms) keep the push latency low. A value that is not an alert is counted and
/// skipped, not dead-lettered: every silo reads it, and the producer's own reader already owns its errors.
/// </summary>
public sealed class AlertBridge(
    PushConnections connections, PushMetrics metrics, IOptions<PushOptions> push, IOptions<KafkaTopicsOptions> topics,
    IOptions<KafkaConnectionOptions> kafka, PipelineHealth health, TimeProvider clock, ILogger<AlertBridge> logger)
    : BatchingGroupConsumer<PushAlert>(BridgeSettings.For("alerts", topics.Value.Notifications, 1_000, TimeSpan.FromMilliseconds(20)), kafka.Value, health, clock, logger)
{
    /// <inheritdoc />
    protected override bool Enabled => push.Value.Enabled;

    /// <inheritdoc />
    protected override bool TryDecode(ConsumeResult<byte[]?, byte[]?> message, out PushAlert? item, out string category, out string reason)
    {
        category = "malformed-alert";
        // The relay's produce time (CreateTime): how long the alert took from traffic-notifications to this silo.
        metrics.AlertRead(Clock.GetUtcNow() - message.Message.Timestamp.UtcDateTime);
        return AlertDecoder.TryDecode(message.Message.Value, out item, out reason);
    }

    /// <inheritdoc />
    protected override void OnDeadLettered(string category) => metrics.Rejected("traffic-notifications");

    /// <inheritdoc />
    protected override Task FlushAsync(ConsumedBatch<PushAlert> batch, CancellationToken cancellationToken)
    {
        connections.PublishAlerts(batch.Items);
        return Task.CompletedTask;
    }
}
