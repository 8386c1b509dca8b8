namespace TrafficOrleans.KafkaBroker.Tests.Infrastructure;

/// <summary>Starts a real broker on a free loopback port, in memory unless a data directory is given.</summary>
public static class TestBroker
{
    public static async Task<KafkaBroker> StartAsync(Action<KafkaBrokerOptions>? configure = null)
    {
        var options = new KafkaBrokerOptions { Port = 0, InitialRebalanceDelay = TimeSpan.Zero };
        configure?.Invoke(options);
        var broker = new KafkaBroker(options);
        await broker.StartAsync();
        return broker;
    }

    public static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "kafka-broker-tests", Guid.NewGuid().ToString("N"));
}
