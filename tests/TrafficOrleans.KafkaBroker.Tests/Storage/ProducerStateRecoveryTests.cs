using Confluent.Kafka;
using TrafficOrleans.KafkaBroker.Tests.Protocol;
using ErrorCode = TrafficOrleans.KafkaBroker.Protocol.ErrorCode;
using TrafficOrleans.KafkaBroker.Tests.Infrastructure;

namespace TrafficOrleans.KafkaBroker.Tests.Storage;

/// <summary>
/// Idempotent-producer state is rebuilt from the log when the broker restarts, so a retry that
/// crosses the restart is still a duplicate and new producer ids never collide with stored ones.
/// </summary>
public sealed class ProducerStateRecoveryTests : IDisposable
{
    private const string Topic = "raw";
    private const long ProducerId = 4242;
    private readonly string _data = TestBroker.NewDataDirectory();

    [Fact]
    public async Task A_batch_retried_after_a_broker_restart_is_acknowledged_with_its_original_offset_and_stored_once()
    {
        var first = TestBatch.Create(["a", "b"], ProducerId, 0, 0);
        var second = TestBatch.Create(["c"], ProducerId, 0, 2);
        await using (var broker = await StartAsync())
        {
            await using var client = await ProduceProtocolTests.ConnectWithTopicAsync(broker);
            Assert.Equal((ErrorCode.None, 0L), await ProduceAsync(client, first));
            Assert.Equal((ErrorCode.None, 2L), await ProduceAsync(client, second));
        }

        await using var restarted = await StartAsync();
        await using var again = await RawKafkaClient.ConnectAsync(restarted);
        var retriedLast = await ProduceAsync(again, second);
        var retriedFirst = await ProduceAsync(again, first);
        var next = await ProduceAsync(again, TestBatch.Create(["d"], ProducerId, 0, 3));

        Assert.Equal((ErrorCode.None, 2L), retriedLast);
        Assert.Equal((ErrorCode.None, 0L), retriedFirst);
        Assert.Equal((ErrorCode.None, 3L), next);
        Assert.Equal(4, restarted.Topics.Find(Topic, 0)!.HighWatermark);
    }

    [Fact]
    public async Task Sequence_gaps_and_stale_epochs_are_still_refused_after_a_restart()
    {
        await using (var broker = await StartAsync())
        {
            await using var client = await ProduceProtocolTests.ConnectWithTopicAsync(broker);
            await ProduceAsync(client, TestBatch.Create(["a"], ProducerId, 0, 0));
            await ProduceAsync(client, TestBatch.Create(["b"], ProducerId, 1, 0));
        }

        await using var restarted = await StartAsync();
        await using var again = await RawKafkaClient.ConnectAsync(restarted);
        var gap = await ProduceAsync(again, TestBatch.Create(["x"], ProducerId, 1, 7));
        var stale = await ProduceAsync(again, TestBatch.Create(["y"], ProducerId, 0, 1));

        Assert.Equal(ErrorCode.OutOfOrderSequenceNumber, gap.Error);
        Assert.Equal(ErrorCode.InvalidProducerEpoch, stale.Error);
        Assert.Equal(2, restarted.Topics.Find(Topic, 0)!.HighWatermark);
    }

    [Fact]
    public async Task InitProducerId_after_a_restart_hands_out_an_id_above_every_id_in_the_log()
    {
        // An id far above the wall clock, as a burst of allocations or a clock set back would leave.
        var storedId = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + 1_000_000_000_000;
        await using (var broker = await StartAsync())
        {
            await using var client = await ProduceProtocolTests.ConnectWithTopicAsync(broker);
            Assert.Equal(ErrorCode.None, (await ProduceAsync(client, TestBatch.Create(["a"], storedId, 0, 0))).Error);
        }

        await using var restarted = await StartAsync();
        await using var again = await RawKafkaClient.ConnectAsync(restarted);
        await again.SendAsync(RawRequests.InitProducerId(5));
        var (error, producerId, epoch) = RawRequests.ParseInitProducerId((await again.ReadAsync()).Body);

        Assert.Equal(ErrorCode.None, error);
        Assert.True(producerId > storedId, $"new producer id {producerId} must be above the stored {storedId}");
        Assert.Equal(0, epoch);
    }

    [Fact]
    public async Task A_confluent_idempotent_producer_keeps_producing_across_a_broker_restart_without_duplicates()
    {
        var broker = await StartAsync();
        await ConfluentClients.CreateTopicAsync(broker, Topic, 1);
        var port = broker.Port;
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig
        {
            BootstrapServers = broker.BootstrapServers,
            EnableIdempotence = true,
            LingerMs = 1,
            ReconnectBackoffMs = 50,
            ReconnectBackoffMaxMs = 200,
        }).Build();
        for (var i = 0; i < 10; i++)
        {
            await producer.ProduceAsync(Topic, new Message<string, string> { Key = "k", Value = $"before-{i}" });
        }

        await broker.DisposeAsync();
        await using var restarted = await StartAsync(port);
        for (var i = 0; i < 10; i++)
        {
            await producer.ProduceAsync(Topic, new Message<string, string> { Key = "k", Value = $"after-{i}" });
        }

        using var consumer = new ConsumerBuilder<string, string>(ConfluentClients.ConsumerConfig(restarted, "audit")).Build();
        consumer.Assign(new TopicPartitionOffset(Topic, 0, Offset.Beginning));
        var values = ConfluentClients.ConsumeExactly(consumer, 20).Select(r => r.Message.Value).ToList();
        var expected = Enumerable.Range(0, 10).Select(i => $"before-{i}").Concat(Enumerable.Range(0, 10).Select(i => $"after-{i}"));
        Assert.Equal(expected, values);
        Assert.Equal(20, restarted.Topics.Find(Topic, 0)!.HighWatermark);
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private Task<KafkaBroker> StartAsync(int port = 0) => TestBroker.StartAsync(o => { o.DataDirectory = _data; o.Port = port; });

    private static Task<(short Error, long BaseOffset)> ProduceAsync(RawKafkaClient client, byte[] batch) =>
        ProduceProtocolTests.ProduceAsync(client, batch);
}
