using Confluent.Kafka;
using TrafficOrleans.KafkaBroker.Tests.Infrastructure;

namespace TrafficOrleans.KafkaBroker.Tests.Compatibility;

/// <summary>librdkafka consumer groups: rebalance on join and leave, commit and resume.</summary>
public sealed class ConfluentConsumerGroupTests
{
    private const string Topic = "traffic";

    [Fact]
    public async Task Two_members_split_partitions_and_the_survivor_takes_all_after_a_leave()
    {
        await using var broker = await TestBroker.StartAsync();
        await ConfluentClients.CreateTopicAsync(broker, Topic, 4);
        for (var p = 0; p < 4; p++)
        {
            await ConfluentClients.ProduceAsync(broker, Topic, p, [($"p{p}-a", $"{p}:0"), ($"p{p}-b", $"{p}:1")]);
        }

        var received = new List<ConsumeResult<string, string>>();
        using var first = new ConsumerBuilder<string, string>(ConfluentClients.ConsumerConfig(broker, "dashboards")).Build();
        first.Subscribe(Topic);
        await PollUntil(() => first.Assignment.Count == 4, "the only member owns all 4 partitions", received, first);

        var second = new ConsumerBuilder<string, string>(ConfluentClients.ConsumerConfig(broker, "dashboards")).Build();
        second.Subscribe(Topic);
        await PollUntil(() => first.Assignment.Count == 2 && second.Assignment.Count == 2, "a join splits the partitions 2/2", received, first, second);

        var firstPartitions = first.Assignment.Select(tp => tp.Partition.Value);
        var secondPartitions = second.Assignment.Select(tp => tp.Partition.Value);
        Assert.Equal([0, 1, 2, 3], firstPartitions.Concat(secondPartitions).Order());

        second.Close(); // LeaveGroup
        second.Dispose();
        await PollUntil(() => first.Assignment.Count == 4, "after a leave the survivor owns all 4 partitions again", received, first);
        await PollUntil(() => received.Select(r => r.TopicPartitionOffset).Distinct().Count() == 8, "all 8 messages were consumed", received, first);

        var distinct = received.DistinctBy(r => r.TopicPartitionOffset).OrderBy(r => r.Partition.Value).ThenBy(r => r.Offset.Value).ToList();
        Assert.Equal(
            Enumerable.Range(0, 4).SelectMany(p => new[] { (p, 0L, $"p{p}-a", $"{p}:0"), (p, 1L, $"p{p}-b", $"{p}:1") }),
            distinct.Select(r => (r.Partition.Value, r.Offset.Value, r.Message.Key, r.Message.Value)));
    }

    [Fact]
    public async Task Committed_offsets_let_a_new_member_resume_where_the_group_stopped()
    {
        await using var broker = await TestBroker.StartAsync();
        await ConfluentClients.CreateTopicAsync(broker, Topic, 1);
        await ConfluentClients.ProduceAsync(broker, Topic, 0, Enumerable.Range(0, 10).Select(i => ($"k{i}", $"v{i}")));

        using (var consumer = new ConsumerBuilder<string, string>(ConfluentClients.ConsumerConfig(broker, "forecaster")).Build())
        {
            consumer.Subscribe(Topic);
            var firstFive = ConfluentClients.ConsumeExactly(consumer, 5);
            consumer.Commit(firstFive[^1]);
            Assert.Equal(5, consumer.Committed([new TopicPartition(Topic, 0)], TimeSpan.FromSeconds(10))[0].Offset.Value);
            consumer.Close();
        }

        using var resumed = new ConsumerBuilder<string, string>(ConfluentClients.ConsumerConfig(broker, "forecaster")).Build();
        resumed.Subscribe(Topic);
        var rest = ConfluentClients.ConsumeExactly(resumed, 5);

        Assert.Equal([5L, 6L, 7L, 8L, 9L], rest.Select(r => r.Offset.Value));
        Assert.Equal(["k5", "k6", "k7", "k8", "k9"], rest.Select(r => r.Message.Key));
        resumed.Close();
    }

    [Fact]
    public async Task Assign_based_consumer_commits_standalone_offsets()
    {
        await using var broker = await TestBroker.StartAsync();
        await ConfluentClients.CreateTopicAsync(broker, Topic, 1);
        await ConfluentClients.ProduceAsync(broker, Topic, 0, [("a", "1"), ("b", "2"), ("c", "3")]);

        using var consumer = new ConsumerBuilder<string, string>(ConfluentClients.ConsumerConfig(broker, "standalone")).Build();
        consumer.Assign(new TopicPartitionOffset(Topic, 0, Offset.Beginning));
        var all = ConfluentClients.ConsumeExactly(consumer, 3);
        consumer.Commit([new TopicPartitionOffset(Topic, 0, all[^1].Offset + 1)]);

        var committed = consumer.Committed([new TopicPartition(Topic, 0)], TimeSpan.FromSeconds(10));
        Assert.Equal(3, committed[0].Offset.Value);
    }

    /// <summary>Consumers only make progress (join, sync, heartbeat) while polled.</summary>
    private static async Task PollUntil(Func<bool> condition, string what, List<ConsumeResult<string, string>> received, params IConsumer<string, string>[] consumers)
    {
        await Eventually.WaitUntilAsync(
            () =>
            {
                foreach (var consumer in consumers)
                {
                    if (consumer.Consume(TimeSpan.FromMilliseconds(50)) is { } result)
                    {
                        received.Add(result);
                    }
                }

                return condition();
            },
            what);
    }
}
