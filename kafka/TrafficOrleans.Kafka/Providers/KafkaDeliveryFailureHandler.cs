using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;

namespace TrafficOrleans.Kafka.Providers;

/// <summary>
/// Called when Orleans gives up delivering a batch to a consumer. That must never pass unnoticed: it logs an
/// error, counts it, and hands the batch to the queue's receiver, which dead-letters what was not delivered and
/// lets the partition's offset move on. Subscriptions are not faulted, so the stream keeps flowing.
/// </summary>
public sealed partial class KafkaDeliveryFailureHandler(AbandonedDeliveries abandoned, string queue, KafkaStreamMetrics metrics, ILogger logger) : IStreamFailureHandler
{
    /// <inheritdoc />
    public bool ShouldFaultSubsriptionOnError => false;

    /// <inheritdoc />
    public Task OnDeliveryFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken)
    {
        LogGaveUp(logger, streamProviderName, streamIdentity.ToString(), queue, sequenceToken?.SequenceNumber ?? -1);
        metrics.DeliveriesAbandoned.Add(1, new KeyValuePair<string, object?>("queue", queue));
        abandoned.Abandon(streamIdentity, sequenceToken);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task OnSubscriptionFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken)
    {
        LogSubscriptionFailed(logger, streamProviderName, streamIdentity.ToString(), queue);
        metrics.SubscriptionFailures.Add(1, new KeyValuePair<string, object?>("queue", queue));
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Orleans gave up delivering stream {StreamId} of provider {Provider} ({Queue}) from offset {Offset}: the undelivered messages go to the dead-letter topic")]
    private static partial void LogGaveUp(ILogger logger, string provider, string streamId, string queue, long offset);

    [LoggerMessage(Level = LogLevel.Error, Message = "Subscription to stream {StreamId} of provider {Provider} ({Queue}) failed")]
    private static partial void LogSubscriptionFailed(ILogger logger, string provider, string streamId, string queue);
}
