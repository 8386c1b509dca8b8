using TrafficOrleans.KafkaBroker.Protocol;
using TrafficOrleans.KafkaBroker.Tests.Infrastructure;

namespace TrafficOrleans.KafkaBroker.Tests.Protocol;

/// <summary>Produce edge cases over a raw connection: ordering, idempotence, acks=0.</summary>
public sealed class ProduceProtocolTests
{
    private const string Topic = "raw";
    private const long ProducerId = 4242;

    [Fact]
    public async Task Pipelined_produce_requests_are_answered_in_request_order()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var client = await ConnectWithTopicAsync(broker);

        for (var i = 0; i < 5; i++)
        {
            await client.SendAsync(RawRequests.Produce(100 + i, Topic, TestBatch.Create([$"m{i}"], ProducerId, 0, i)));
        }

        for (var i = 0; i < 5; i++)
        {
            var (correlationId, body) = await client.ReadAsync();
            Assert.Equal(100 + i, correlationId);
            Assert.Equal((ErrorCode.None, (long)i), RawRequests.ParseProduce(body));
        }
    }

    [Fact]
    public async Task A_retried_batch_is_acknowledged_with_its_original_offset_and_stored_once()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var client = await ConnectWithTopicAsync(broker);
        var first = TestBatch.Create(["a", "b"], ProducerId, 0, 0);

        var original = await ProduceAsync(client, first);
        var next = await ProduceAsync(client, TestBatch.Create(["c"], ProducerId, 0, 2));
        var retried = await ProduceAsync(client, first);

        Assert.Equal((ErrorCode.None, 0L), original);
        Assert.Equal((ErrorCode.None, 2L), next);
        Assert.Equal((ErrorCode.None, 0L), retried);
        Assert.Equal(3, broker.Topics.Find(Topic, 0)!.HighWatermark);
    }

    [Fact]
    public async Task A_sequence_gap_is_out_of_order_and_an_older_epoch_is_fenced()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var client = await ConnectWithTopicAsync(broker);

        await ProduceAsync(client, TestBatch.Create(["a", "b"], ProducerId, 0, 0));
        var gap = await ProduceAsync(client, TestBatch.Create(["x"], ProducerId, 0, 5));
        var bumped = await ProduceAsync(client, TestBatch.Create(["c"], ProducerId, 1, 0));
        var stale = await ProduceAsync(client, TestBatch.Create(["d"], ProducerId, 0, 2));

        Assert.Equal(ErrorCode.OutOfOrderSequenceNumber, gap.Error);
        Assert.Equal((ErrorCode.None, 2L), bumped);
        Assert.Equal(ErrorCode.InvalidProducerEpoch, stale.Error);
        Assert.Equal(3, broker.Topics.Find(Topic, 0)!.HighWatermark);
    }

    [Fact]
    public async Task A_corrupted_batch_is_rejected()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var client = await ConnectWithTopicAsync(broker);
        var batch = TestBatch.Create(["payload"]);
        batch[^1] ^= 0xFF;

        var result = await ProduceAsync(client, batch);

        Assert.Equal(ErrorCode.CorruptMessage, result.Error);
        Assert.Equal(0, broker.Topics.Find(Topic, 0)!.HighWatermark);
    }

    [Fact]
    public async Task Acks_zero_gets_no_response_but_is_stored()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var client = await ConnectWithTopicAsync(broker);

        await client.SendAsync(RawRequests.Produce(7, Topic, TestBatch.Create(["fire-and-forget"]), acks: 0));
        await client.SendAsync(RawRequests.Produce(8, Topic, TestBatch.Create(["acknowledged"])));

        var (correlationId, body) = await client.ReadAsync();
        Assert.Equal(8, correlationId);
        Assert.Equal((ErrorCode.None, 1L), RawRequests.ParseProduce(body));
    }

    [Fact]
    public async Task Unknown_api_version_closes_the_connection()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var client = await RawKafkaClient.ConnectAsync(broker);

        await client.SendAsync(new RequestFrame(0, 99, 1));

        Assert.True(await client.IsClosedByBrokerAsync());
    }

    [Fact]
    public async Task Unsupported_api_versions_version_answers_v0_with_error_35_and_its_own_range()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var client = await RawKafkaClient.ConnectAsync(broker);

        await client.SendAsync(new RequestFrame(18, 9, 3));
        var (correlationId, body) = await client.ReadAsync();

        var reader = new KafkaReader(body);
        Assert.Equal(3, correlationId);
        Assert.Equal(ErrorCode.UnsupportedVersion, reader.ReadInt16());
        Assert.Equal(1, reader.ReadArrayLength());
        Assert.Equal((18, 0, 3), (reader.ReadInt16(), reader.ReadInt16(), reader.ReadInt16()));
    }

    internal static async Task<RawKafkaClient> ConnectWithTopicAsync(KafkaBroker broker)
    {
        var client = await RawKafkaClient.ConnectAsync(broker);
        await client.SendAsync(RawRequests.CreateTopic(1, Topic));
        await client.ReadAsync();
        return client;
    }

    internal static async Task<(short Error, long BaseOffset)> ProduceAsync(RawKafkaClient client, byte[] batch)
    {
        await client.SendAsync(RawRequests.Produce(1, Topic, batch));
        return RawRequests.ParseProduce((await client.ReadAsync()).Body);
    }
}
