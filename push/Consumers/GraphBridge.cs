using System.Text.Json;
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

/// <summary>This silo's reader of <c>route-updates</c>: each event goes to every client as <c>graphUpdated</c>, unchanged.</summary>
public sealed class GraphBridge(
    PushConnections connections, PushMetrics metrics, IOptions<PushOptions> push, IOptions<KafkaTopicsOptions> topics,
    IOptions<KafkaConnectionOptions> kafka, PipelineHealth health, TimeProvider clock, ILogger<GraphBridge> logger)
    : BatchingGroupConsumer<Dictionary<string, object?>>(BridgeSettings.For("graph", topics.Value.RouteUpdates, 100, TimeSpan.FromMilliseconds(20)), kafka.Value, health, clock, logger)
{
    /// <inheritdoc />
    protected override bool Enabled => push.Value.Enabled;

    /// <inheritdoc />
    protected override bool TryDecode(ConsumeResult<byte[]?, byte[]?> message, out Dictionary<string, object?>? item, out string category, out string reason)
    {
        category = "malformed-route-update";
        item = null;
        try
        {
            using var document = JsonDocument.Parse(message.Message.Value ?? []);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                reason = "not a JSON object";
                return false;
            }

            item = JsonTree.ToDictionary(document.RootElement);
            reason = "";
            return true;
        }
        catch (JsonException ex)
        {
            reason = ex.Message;
            return false;
        }
    }

    /// <inheritdoc />
    protected override void OnDeadLettered(string category) => metrics.Rejected("route-updates");

    /// <inheritdoc />
    protected override Task FlushAsync(ConsumedBatch<Dictionary<string, object?>> batch, CancellationToken cancellationToken)
    {
        foreach (var update in batch.Items) connections.PublishGraph(update);
        return Task.CompletedTask;
    }
}
