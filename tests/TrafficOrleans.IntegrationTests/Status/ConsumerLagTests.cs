using System.Net.Http.Json;
using System.Text.Json;
using Confluent.Kafka;
using TrafficOrleans.IntegrationTests.Infrastructure;
using TrafficOrleans.IntegrationTests.Slice;

namespace TrafficOrleans.IntegrationTests.Status;

/// <summary>The consumer lag of <c>GET /system/status</c> on the real host, read from the broker the tests run.</summary>
[Collection(ServersCollection.Name)]
public sealed class ConsumerLagTests(ServersFixture database)
{
    [Fact]
    public async Task Lag_is_what_a_watched_group_has_not_committed()
    {
        // A topic nobody consumes; the group commits part of one partition by hand, as a consumer would.
        var topic = $"lag-{Guid.NewGuid():N}"[..20];
        var group = $"lag-group-{Guid.NewGuid():N}"[..24];
        const int Produced = 7;
        const int Committed = 3;
        var partition = await ProduceAsync(database.Broker.BootstrapServers, topic, "one-key", Produced);
        await using var host = new SiloHost(database, $"lag-{Guid.NewGuid():N}"[..20], new Dictionary<string, string?>
        {
            ["Kafka:ConsumerLag:Watch:0:Group"] = group,
            ["Kafka:ConsumerLag:Watch:0:Topic"] = topic,
            ["Kafka:ConsumerLag:CacheFor"] = "00:00:00",
        });
        using var http = host.CreateClient();

        var before = Row(await LagAsync(http, ConsumerLagState.Known), group);
        Assert.Equal(topic, before.GetProperty("topic").GetString());
        Assert.Equal(ServersFixture.KafkaPartitions, before.GetProperty("partitions").GetInt32());
        Assert.Equal(Produced, before.GetProperty("lag").GetInt64());

        Commit(database.Broker.BootstrapServers, group, new TopicPartitionOffset(partition, Committed));
        var after = Row(await LagAsync(http, ConsumerLagState.Known), group);
        Assert.Equal(Produced - Committed, after.GetProperty("lag").GetInt64());
    }

    [Fact]
    public async Task The_product_consumers_are_watched()
    {
        await using var host = new SiloHost(database, $"lagp-{Guid.NewGuid():N}"[..20]);
        using var http = host.CreateClient();

        var lag = await LagAsync(http, ConsumerLagState.Known);
        var watched = lag.GetProperty("groups").EnumerateArray().Select(g => (g.GetProperty("group").GetString(), g.GetProperty("topic").GetString())).ToList();
        Assert.Contains(("ml-prediction-group", "traffic-raw"), watched);
        Assert.Contains(("route-graph-group", "traffic-predictions"), watched);
        Assert.Contains(("notification-group", "traffic-predictions"), watched);
        Assert.All(lag.GetProperty("groups").EnumerateArray(), g => Assert.True(g.GetProperty("lag").GetInt64() >= 0));
    }

    [Fact]
    public async Task Lag_is_unknown_while_the_broker_is_down_and_the_status_still_answers()
    {
        var broker = await ServersFixture.StartPrivateBrokerAsync();
        await using var host = new SiloHost(database, $"lagd-{Guid.NewGuid():N}"[..20], new Dictionary<string, string?>
        {
            ["Kafka:BootstrapServers"] = broker.BootstrapServers,
            ["Kafka:ConsumerLag:CacheFor"] = "00:00:00",
            ["Kafka:ConsumerLag:Timeout"] = "00:00:01",
        });
        using var http = host.CreateClient();
        await LagAsync(http, ConsumerLagState.Known);

        await broker.DisposeAsync();
        var lag = await LagAsync(http, ConsumerLagState.Unknown);

        Assert.False(string.IsNullOrEmpty(lag.GetProperty("reason").GetString()));
        Assert.NotEmpty(lag.GetProperty("groups").EnumerateArray());
        Assert.All(lag.GetProperty("groups").EnumerateArray(), g => Assert.Equal(JsonValueKind.Null, g.GetProperty("lag").ValueKind));
    }

    private static class ConsumerLagState
    {
        public const string Known = "known";
        public const string Unknown = "unknown";
    }

    // The status answers at once either way; the state it reports follows the broker within a read or two.
    private static async Task<JsonElement> LagAsync(HttpClient http, string state)
    {
        var status = await Eventually.WaitForAsync(
            () => http.GetFromJsonAsync<JsonElement>("/system/status"),
            s => s.GetProperty("consumer_lag").GetProperty("state").GetString() == state,
            TimeSpan.FromSeconds(60), $"consumer lag {state}");
        return status.GetProperty("consumer_lag");
    }

    private static JsonElement Row(JsonElement lag, string group) =>
        Assert.Single(lag.GetProperty("groups").EnumerateArray(), g => g.GetProperty("group").GetString() == group);

    private static async Task<TopicPartition> ProduceAsync(string bootstrapServers, string topic, string key, int count)
    {
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = bootstrapServers, Acks = Acks.All }).Build();
        var partition = default(TopicPartition);
        for (var i = 0; i < count; i++)
        {
            partition = (await producer.ProduceAsync(topic, new Message<string, string> { Key = key, Value = "{}" })).TopicPartition;
        }

        return partition!;
    }

    private static void Commit(string bootstrapServers, string group, TopicPartitionOffset offset)
    {
        using var consumer = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = group, EnableAutoCommit = false }).Build();
        consumer.Commit([offset]);
    }
}
