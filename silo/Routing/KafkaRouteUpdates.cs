using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.Options;
using TrafficOrleans.GrainInterfaces.Grains;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.Grains.Routing;
using TrafficOrleans.Kafka.Producing;
using TrafficOrleans.Kafka.Topics;

namespace TrafficOrleans.Silo.Routing;

/// <summary>Announces graph versions on the catalogue's <c>route-updates</c> topic, key = the city (the routing grain's key).</summary>
public sealed partial class KafkaRouteUpdates(
    KafkaMessageProducer producer, IOptions<KafkaTopicsOptions> topics, IOptions<RoutingOptions> routing, RoutingMetrics metrics, ILogger<KafkaRouteUpdates> logger) : IRouteUpdates
{
    /// <inheritdoc />
    public void Announce(RouteGraphUpdated update)
    {
        ArgumentNullException.ThrowIfNull(update);
        var message = new Message<byte[]?, byte[]>
        {
            Key = Encoding.UTF8.GetBytes(routing.Value.City),
            Value = JsonSerializer.SerializeToUtf8Bytes(update, TrafficJson.Options),
        };
        // Not awaited: the grain turn should not wait for broker acks; the delivery report counts failures.
        producer.Produce(topics.Value.RouteUpdates, message, reason => Failed(update.GraphVersion, reason));
    }

    private void Failed(string version, string reason)
    {
        metrics.SideEffectFailed("route-update");
        LogAnnounceFailed(logger, version, reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Route update {Version} could not be published: {Reason}")]
    private static partial void LogAnnounceFailed(ILogger logger, string version, string reason);
}
