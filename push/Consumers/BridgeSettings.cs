using TrafficOrleans.Kafka.Consuming;

namespace TrafficOrleans.Push.Consumers;

/// <summary>
/// Consumer settings of the push bridges: broadcast readers (<see cref="GroupConsumerSettings.Broadcast"/>) in a
/// consumer group unique to this process, so every silo reads every partition and reaches its own clients.
/// </summary>
public static class BridgeSettings
{
    /// <summary>Settings for the bridge <paramref name="name"/> on <paramref name="topic"/>.</summary>
    public static GroupConsumerSettings For(string name, string topic, int batchSize, TimeSpan batchWindow) =>
        new($"push-{name}", topic, $"push-{name}-{Environment.MachineName}-{Guid.NewGuid():N}", batchSize, batchWindow, $"push-{name}", Broadcast: true);
}
