using TrafficOrleans.KafkaBroker;

namespace TrafficOrleans.Ingest.IntegrationTests.Infrastructure;

/// <summary>The project's Kafka-protocol broker, in memory on a free port, with several partitions per topic.</summary>
public static class EmbeddedBroker
{
    /// <summary>Partitions of auto-created topics (more than one, so key partitioning is observable).</summary>
    public const int Partitions = 4;

    /// <summary>Starts a broker; dispose it at the end of the test.</summary>
    public static async Task<KafkaBroker.KafkaBroker> StartAsync()
    {
        var broker = new KafkaBroker.KafkaBroker(new KafkaBrokerOptions
        {
            Port = 0,
            DefaultPartitions = Partitions,
            AutoCreateTopics = true,
            InitialRebalanceDelay = TimeSpan.Zero,
        });
        await broker.StartAsync();
        return broker;
    }
}
