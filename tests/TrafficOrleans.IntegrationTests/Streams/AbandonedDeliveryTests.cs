using TrafficOrleans.Kafka.Topics;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.IntegrationTests.Infrastructure;
using TrafficOrleans.Kafka;
using TrafficOrleans.Kafka.Producing;
using TrafficOrleans.Kafka.Consuming;
using TrafficOrleans.Kafka.Providers;

namespace TrafficOrleans.IntegrationTests.Streams;

/// <summary>
/// When Orleans gives up on a delivery its cache never reports the batch as delivered. The receiver must still
/// dead-letter what was not delivered and let the partition's commit move on, or every restart replays from there.
/// </summary>
public sealed class AbandonedDeliveryTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_delivery_orleans_gave_up_on_is_dead_lettered_and_no_longer_holds_the_commit_back()
    {
        await using var broker = await ServersFixture.StartPrivateBrokerAsync();
        var options = new KafkaStreamOptions { BootstrapServers = broker.BootstrapServers, JsonSerializerOptions = TrafficJson.Strict };
        var topic = new KafkaTopicOptions { Name = "traffic-raw", ConsumerGroup = $"abandon-{Guid.NewGuid():N}", EventType = typeof(TrafficReading), Partitions = 1 };
        var partition = new TopicPartition(topic.Name, 0);
        using var producer = new KafkaMessageProducer(
            Microsoft.Extensions.Options.Options.Create(new KafkaConnectionOptions { BootstrapServers = broker.BootstrapServers }),
            Microsoft.Extensions.Options.Options.Create(new KafkaProducerOptions()), NullLogger<KafkaMessageProducer>.Instance);
        foreach (var (road, step) in new[] { ("stuck", 0), ("flowing", 0), ("stuck", 1), ("flowing", 1) })
        {
            await producer.ProduceAsync(partition, new Message<byte[]?, byte[]>
            {
                Key = Encoding.UTF8.GetBytes(road),
                Value = JsonSerializer.SerializeToUtf8Bytes(Readings.For(road, step), TrafficJson.Options),
            });
        }

        using var marks = new DeadLetterMarks(options);
        using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new KafkaStreamMetrics(meters.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        var abandoned = new AbandonedDeliveries();
        var receiver = new KafkaQueueAdapterReceiver(partition, topic, options, new DeadLetterPublisher(producer, options, metrics, NullLogger.Instance),
            marks, abandoned, null, "abandon-test", metrics, NullLogger.Instance);
        await receiver.Initialize(TimeSpan.FromSeconds(15));

        var batches = new List<KafkaBatchContainer>();
        var deadline = DateTime.UtcNow + Deadline;
        while (batches.Sum(b => b.Events.Count) < 4 && DateTime.UtcNow < deadline)
        {
            batches.AddRange((await receiver.GetQueueMessagesAsync(100)).Cast<KafkaBatchContainer>());
            await Task.Delay(50);
        }

        var stuck = batches.Single(b => b.StreamId.GetKeyAsString() == "stuck");
        await receiver.MessagesDeliveredAsync(batches.Where(b => b != stuck).ToList<global::Orleans.Streams.IBatchContainer>());
        // Offsets are committed in the background from what the receiver stored: give it two intervals; it must still not
        // have passed the stuck message at offset 0 (nothing committed at all reads as a negative offset).
        await Task.Delay(2 * KafkaConsumerConfig.StoredOffsetsCommitIntervalMs);
        Assert.InRange(KafkaTestClient.CommittedOffsets(broker.BootstrapServers, topic.ConsumerGroup, topic.Name, 1)[0], long.MinValue, 0);

        var handler = new KafkaDeliveryFailureHandler(abandoned, "traffic-raw-0", metrics, NullLogger.Instance);
        await handler.OnDeliveryFailure(GuidId.GetNewGuidId(), "kafka", stuck.StreamId, new EventSequenceTokenV2(0));
        await receiver.GetQueueMessagesAsync(100);

        await Eventually.WaitForAsync(
            () => Task.FromResult(KafkaTestClient.CommittedOffsets(broker.BootstrapServers, topic.ConsumerGroup, topic.Name, 1)[0]),
            committed => committed == 4, Deadline, "the offsets committed past the dead-lettered deliveries");
        var dead = KafkaTestClient.ReadUntil(broker.BootstrapServers, KafkaTopicsOptions.DefaultDeadLetters, read => read.Count >= 2, Deadline);
        Assert.Equal(["0", "2"], dead.Select(d => KafkaTestClient.Header(d, "dlq-source-offset") ?? "").Order().ToArray());
        Assert.All(dead, d => Assert.Equal("delivery-abandoned", KafkaTestClient.Header(d, "dlq-category")));
        await receiver.Shutdown(TimeSpan.FromSeconds(10));
    }
}
