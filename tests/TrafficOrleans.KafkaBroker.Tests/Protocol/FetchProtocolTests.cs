using TrafficOrleans.KafkaBroker.Protocol;
using TrafficOrleans.KafkaBroker.Storage;
using TrafficOrleans.KafkaBroker.Tests.Infrastructure;

namespace TrafficOrleans.KafkaBroker.Tests.Protocol;

/// <summary>Fetch edge cases: long poll at the high watermark, offsets out of range, whole batches.</summary>
public sealed class FetchProtocolTests
{
    private const string Topic = "raw";

    [Fact]
    public async Task Fetch_at_the_high_watermark_waits_and_is_woken_by_an_append()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var consumer = await ProduceProtocolTests.ConnectWithTopicAsync(broker);
        await using var producer = await RawKafkaClient.ConnectAsync(broker);
        await producer.SendAsync(RawRequests.Produce(1, Topic, TestBatch.Create(["before"])));
        await producer.ReadAsync();

        await consumer.SendAsync(RawRequests.Fetch(50, Topic, offset: 1, maxWaitMs: 60_000));
        var pending = consumer.ReadAsync();
        await producer.SendAsync(RawRequests.Metadata(2));
        await producer.ReadAsync();
        Assert.False(pending.IsCompleted, "A fetch at the high watermark must wait for data.");

        await producer.SendAsync(RawRequests.Produce(3, Topic, TestBatch.Create(["after-1", "after-2"])));
        await producer.ReadAsync();
        var (correlationId, body) = await pending;

        var (error, highWatermark, records) = RawRequests.ParseFetch(body);
        Assert.Equal((50, ErrorCode.None, 3L), (correlationId, error, highWatermark));
        var header = RecordBatchHeader.Read(records);
        Assert.Equal((1L, 1, 2), (header.BaseOffset, header.LastOffsetDelta, header.RecordCount));
        Assert.Equal(header.TotalSize, records.Length);
    }

    [Fact]
    public async Task Fetch_at_the_high_watermark_without_appends_returns_empty_after_max_wait()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var client = await ProduceProtocolTests.ConnectWithTopicAsync(broker);

        await client.SendAsync(RawRequests.Fetch(9, Topic, offset: 0, maxWaitMs: 50));
        var (error, highWatermark, records) = RawRequests.ParseFetch((await client.ReadAsync()).Body);

        Assert.Equal((ErrorCode.None, 0L), (error, highWatermark));
        Assert.Empty(records);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-5)]
    public async Task Fetch_outside_the_log_is_offset_out_of_range(long offset)
    {
        await using var broker = await TestBroker.StartAsync();
        await using var client = await ProduceProtocolTests.ConnectWithTopicAsync(broker);
        await client.SendAsync(RawRequests.Produce(1, Topic, TestBatch.Create(["only", "two"])));
        await client.ReadAsync();

        await client.SendAsync(RawRequests.Fetch(2, Topic, offset, maxWaitMs: 60_000));
        var (error, highWatermark, records) = RawRequests.ParseFetch((await client.ReadAsync()).Body);

        Assert.Equal((ErrorCode.OffsetOutOfRange, 2L), (error, highWatermark));
        Assert.Empty(records);
    }

    [Fact]
    public async Task Fetch_in_the_middle_of_a_batch_returns_the_whole_batch_byte_for_byte()
    {
        await using var broker = await TestBroker.StartAsync();
        await using var client = await ProduceProtocolTests.ConnectWithTopicAsync(broker);
        var batch = TestBatch.Create(["r0", "r1", "r2"]);
        await client.SendAsync(RawRequests.Produce(1, Topic, batch));
        await client.ReadAsync();

        await client.SendAsync(RawRequests.Fetch(2, Topic, offset: 1, maxWaitMs: 0));
        var (_, _, records) = RawRequests.ParseFetch((await client.ReadAsync()).Body);

        Assert.Equal(batch, records); // baseOffset 0 was assigned 0, so even the offset field matches
    }
}
