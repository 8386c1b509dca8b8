using Confluent.Kafka;
using Confluent.Kafka.Admin;
using Microsoft.Extensions.Logging.Abstractions;
using TrafficOrleans.IntegrationTests.Infrastructure;
using TrafficOrleans.Kafka;
using TrafficOrleans.Kafka.Topics;

namespace TrafficOrleans.IntegrationTests.Streams;

/// <summary>
/// <c>Kafka:CreateTopics=false</c>, as on Kubernetes where Strimzi owns the topics: the silo creates nothing through
/// the admin API, starts when the operator's topics are there, and stops with a clear message when they are not.
/// </summary>
[Collection(ServersCollection.Name)]
public sealed class OperatorOwnedTopicsTests
{
    private const int Partitions = 3;

    [Fact]
    public async Task Missing_topic_stops_the_silo_with_a_message_naming_it_and_creates_nothing()
    {
        await using var broker = await ServersFixture.StartPrivateBrokerAsync();
        var options = OperatorOwned(broker.BootstrapServers);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Provisioner(options).EnsureTopicsAsync());

        Assert.Contains("owned-raw", error.Message, StringComparison.Ordinal);
        Assert.Contains("CreateTopics", error.Message, StringComparison.Ordinal);
        Assert.Empty(TopicNames(broker.BootstrapServers));
    }

    [Fact]
    public async Task Topics_created_by_the_operator_are_accepted_as_they_are()
    {
        await using var broker = await ServersFixture.StartPrivateBrokerAsync();
        await CreateAsync(broker.BootstrapServers, "owned-raw", Partitions);
        var options = OperatorOwned(broker.BootstrapServers);

        await Provisioner(options).EnsureTopicsAsync();

        // The dead-letter topic the silo would have created is left to the operator too.
        Assert.Equal(["owned-raw"], TopicNames(broker.BootstrapServers));
    }

    [Fact]
    public async Task Operator_topic_with_another_partition_count_is_refused()
    {
        await using var broker = await ServersFixture.StartPrivateBrokerAsync();
        await CreateAsync(broker.BootstrapServers, "owned-raw", Partitions + 1);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Provisioner(OperatorOwned(broker.BootstrapServers)).EnsureTopicsAsync());

        Assert.Contains($"{Partitions + 1} partitions", error.Message, StringComparison.Ordinal);
    }

    private static KafkaStreamOptions OperatorOwned(string bootstrap) => new()
    {
        BootstrapServers = bootstrap,
        CreateTopics = false,
        DeadLetterTopic = "owned-dlq",
        Topics = [new KafkaTopicOptions { Name = "owned-raw", Partitions = Partitions, Consume = true, ConsumerGroup = "owned" }],
    };

    private static KafkaTopicProvisioner Provisioner(KafkaStreamOptions options) => new(options, NullLogger.Instance);

    private static async Task CreateAsync(string bootstrap, string topic, int partitions)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build();
        await admin.CreateTopicsAsync([new TopicSpecification { Name = topic, NumPartitions = partitions, ReplicationFactor = 1 }]);
    }

    private static List<string> TopicNames(string bootstrap)
    {
        using var admin = new AdminClientBuilder(new AdminClientConfig { BootstrapServers = bootstrap }).Build();
        return admin.GetMetadata(TimeSpan.FromSeconds(10)).Topics.Select(t => t.Topic).Where(t => !t.StartsWith("__", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
    }
}
