using System.Text.Json;
using Confluent.Kafka;
using TrafficOrleans.KafkaBroker.Tests.Infrastructure;

namespace TrafficOrleans.KafkaBroker.Tests.Compatibility;

/// <summary>kcat (librdkafka's CLI): metadata, produce, consume to end, balanced group consume.</summary>
public sealed class KcatTests
{
    private const string InstallHint = "apt-get install -y kcat";
    private const string Format = "%p|%o|%k|%s|%h\\n";

    [Fact]
    public async Task Kcat_lists_metadata_of_created_topics()
    {
        await using var broker = await TestBroker.StartAsync();
        await ConfluentClients.CreateTopicAsync(broker, "links", 2);

        var json = await Kcat(broker, "-L", "-J");

        using var metadata = JsonDocument.Parse(json);
        var brokerEntry = Assert.Single(metadata.RootElement.GetProperty("brokers").EnumerateArray());
        Assert.Equal($"127.0.0.1:{broker.Port}", brokerEntry.GetProperty("name").GetString());
        var topic = Assert.Single(metadata.RootElement.GetProperty("topics").EnumerateArray());
        Assert.Equal("links", topic.GetProperty("topic").GetString());
        Assert.Equal([0, 1], topic.GetProperty("partitions").EnumerateArray().Select(p => p.GetProperty("partition").GetInt32()));
    }

    [Fact]
    public async Task Kcat_produces_and_consumes_from_beginning_to_end()
    {
        await using var broker = await TestBroker.StartAsync();
        await ConfluentClients.CreateTopicAsync(broker, "probes", 1);

        await KcatWithInput(broker, "seg1:42\nseg2:17\nseg3:88\n", "-P", "-t", "probes", "-p", "0", "-K:", "-H", "unit=kmh");
        var output = await Kcat(broker, "-C", "-t", "probes", "-o", "beginning", "-e", "-f", Format);

        Assert.Equal(["0|0|seg1|42|unit=kmh", "0|1|seg2|17|unit=kmh", "0|2|seg3|88|unit=kmh"], Lines(output));
    }

    [Fact]
    public async Task Kcat_group_consumer_reads_everything_and_commits()
    {
        await using var broker = await TestBroker.StartAsync();
        await ConfluentClients.CreateTopicAsync(broker, "incidents", 1);
        await ConfluentClients.ProduceAsync(broker, "incidents", 0, [("a", "crash"), ("b", "flood"), ("c", "works")]);

        var output = await Kcat(broker, "-G", "kcat-group", "-X", "auto.offset.reset=earliest", "-e", "-f", Format, "incidents");

        Assert.Equal(["0|0|a|crash|source=h-a", "0|1|b|flood|source=h-b", "0|2|c|works|source=h-c"], Lines(output));
        using var consumer = new ConsumerBuilder<string, string>(ConfluentClients.ConsumerConfig(broker, "kcat-group")).Build();
        var committed = consumer.Committed([new TopicPartition("incidents", 0)], TimeSpan.FromSeconds(10));
        Assert.Equal(3, committed[0].Offset.Value);
    }

    private static Task<string> Kcat(KafkaBroker broker, params string[] arguments) => KcatWithInput(broker, null, arguments);

    private static Task<string> KcatWithInput(KafkaBroker broker, string? stdin, params string[] arguments) =>
        ExternalTool.RunAsync("kcat", ["-b", broker.BootstrapServers, .. arguments], InstallHint, stdin);

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
