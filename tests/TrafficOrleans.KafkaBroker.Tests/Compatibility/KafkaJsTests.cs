using System.Text.Json;
using TrafficOrleans.KafkaBroker.Tests.Infrastructure;

namespace TrafficOrleans.KafkaBroker.Tests.Compatibility;

/// <summary>KafkaJS (an independent, pure JavaScript implementation): produce, group consume, commit.</summary>
public sealed class KafkaJsTests
{
    [Fact]
    public async Task Kafkajs_produces_consumes_in_a_group_and_commits()
    {
        await using var broker = await TestBroker.StartAsync();
        var scripts = Path.Combine(ExternalTool.RepositoryRoot(), "tests", "kafka-clients");
        Assert.True(
            Directory.Exists(Path.Combine(scripts, "node_modules", "kafkajs")),
            $"kafkajs is not installed; run: npm ci --prefix tests/kafka-clients (looked in {scripts}).");

        var output = await ExternalTool.RunAsync(
            "node", ["kafkajs-roundtrip.js", broker.BootstrapServers, "kafkajs-topic", "kafkajs-group"], "install Node.js 20 (apt-get install -y nodejs npm)", workingDirectory: scripts);

        var resultLine = output.Split('\n').Single(line => line.StartsWith("RESULT ", StringComparison.Ordinal));
        using var result = JsonDocument.Parse(resultLine["RESULT ".Length..]);
        var received = result.RootElement.GetProperty("received").EnumerateArray()
            .Select(m => (
                Partition: m.GetProperty("partition").GetInt32(),
                Offset: m.GetProperty("offset").GetString(),
                Key: m.GetProperty("key").GetString(),
                Value: m.GetProperty("value").GetString(),
                Trace: m.GetProperty("trace").GetString()))
            .OrderBy(m => m.Partition).ThenBy(m => m.Offset, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
            [
                (0, "0", "key-0", "value-0", "t-0"), (0, "1", "key-2", "value-2", "t-2"), (0, "2", "key-4", "value-4", "t-4"),
                (1, "0", "key-1", "value-1", "t-1"), (1, "1", "key-3", "value-3", "t-3"), (1, "2", "key-5", "value-5", "t-5"),
            ],
            received);
        var committed = result.RootElement.GetProperty("committed").EnumerateArray()
            .Select(p => (p.GetProperty("partition").GetInt32(), p.GetProperty("offset").GetString()))
            .OrderBy(p => p.Item1);
        Assert.Equal([(0, "3"), (1, "3")], committed);
    }
}
