using Confluent.Kafka;
using TrafficOrleans.KafkaBroker.Tests.Infrastructure;

namespace TrafficOrleans.KafkaBroker.Tests.Storage;

/// <summary>On-disk logs: retention, restart recovery with a torn batch, persisted group offsets.</summary>
public sealed class DiskStorageTests : IDisposable
{
    private const string Topic = "durable";
    private readonly string _data = TestBroker.NewDataDirectory();

    [Fact]
    public async Task Size_retention_deletes_whole_old_segments_and_advances_the_log_start()
    {
        await using var broker = await TestBroker.StartAsync(o => { o.DataDirectory = _data; o.SegmentBytes = 400; });
        await ConfluentClients.CreateTopicAsync(broker, Topic, 1, new() { ["retention.bytes"] = "500" });
        await ConfluentClients.ProduceAsync(broker, Topic, 0, Enumerable.Range(0, 20).Select(i => ($"k{i}", new string('x', 100))));
        var segmentsBefore = SegmentFiles().Length;

        broker.EnforceRetention();

        var log = broker.Topics.Find(Topic, 0)!;
        Assert.True(SegmentFiles().Length < segmentsBefore, "old segment files are deleted");
        Assert.InRange(log.LogStartOffset, 1, 19);
        using var consumer = new ConsumerBuilder<string, string>(ConfluentClients.ConsumerConfig(broker, "late")).Build();
        var watermarks = consumer.QueryWatermarkOffsets(new TopicPartition(Topic, 0), TimeSpan.FromSeconds(10));
        Assert.Equal((log.LogStartOffset, 20L), (watermarks.Low.Value, watermarks.High.Value));
        consumer.Assign(new TopicPartitionOffset(Topic, 0, Offset.Beginning));
        var first = ConfluentClients.ConsumeExactly(consumer, 1)[0];
        Assert.Equal(log.LogStartOffset, first.Offset.Value);
    }

    [Fact]
    public async Task Time_retention_deletes_segments_older_than_retention_ms()
    {
        await using var broker = await TestBroker.StartAsync(o => { o.DataDirectory = _data; o.SegmentBytes = 1; });
        await ConfluentClients.CreateTopicAsync(broker, Topic, 1, new() { ["retention.ms"] = "3600000" });
        using (var producer = ConfluentClients.Producer(broker))
        {
            var old = new Timestamp(DateTime.UtcNow.AddHours(-2));
            for (var i = 0; i < 3; i++)
            {
                await producer.ProduceAsync(Topic, new Message<string, string> { Key = "old", Value = $"o{i}", Timestamp = old });
            }

            await producer.ProduceAsync(Topic, new Message<string, string> { Key = "new", Value = "n0" });
            await producer.ProduceAsync(Topic, new Message<string, string> { Key = "new", Value = "n1" });
        }

        broker.EnforceRetention();

        Assert.Equal(3, broker.Topics.Find(Topic, 0)!.LogStartOffset);
    }

    [Fact]
    public async Task Restart_truncates_a_torn_last_batch_and_keeps_everything_before_it()
    {
        await using (var broker = await TestBroker.StartAsync(o => { o.DataDirectory = _data; o.FsyncPolicy = FsyncPolicy.Always; }))
        {
            await ConfluentClients.CreateTopicAsync(broker, Topic, 1);
            await ConfluentClients.ProduceAsync(broker, Topic, 0, [("a", "1"), ("b", "2"), ("c", "3")]);
        }

        // A crash mid-write leaves part of a batch: its header and a few record bytes.
        var segment = SegmentFiles().Single();
        var bytes = await File.ReadAllBytesAsync(segment);
        var lastBatch = bytes[^(bytes.Length / 3)..]; // each of the three batches is the same size
        await using (var file = new FileStream(segment, FileMode.Append))
        {
            await file.WriteAsync(lastBatch.AsMemory(0, lastBatch.Length / 2));
        }

        await using var restarted = await TestBroker.StartAsync(o => { o.DataDirectory = _data; o.FsyncPolicy = FsyncPolicy.Always; });
        Assert.Equal(bytes.Length, new FileInfo(segment).Length);
        var appended = await ConfluentClients.ProduceAsync(restarted, Topic, 0, [("d", "4")]);
        Assert.Equal(3, appended[0].Offset.Value);
        using var consumer = new ConsumerBuilder<string, string>(ConfluentClients.ConsumerConfig(restarted, "after-crash")).Build();
        consumer.Assign(new TopicPartitionOffset(Topic, 0, Offset.Beginning));
        var all = ConfluentClients.ConsumeExactly(consumer, 4);
        Assert.Equal([(0L, "a", "1"), (1L, "b", "2"), (2L, "c", "3"), (3L, "d", "4")], all.Select(r => (r.Offset.Value, r.Message.Key, r.Message.Value)));
    }

    [Fact]
    public async Task Committed_offsets_survive_a_restart()
    {
        await using (var broker = await TestBroker.StartAsync(o => o.DataDirectory = _data))
        {
            await ConfluentClients.CreateTopicAsync(broker, Topic, 1);
            await ConfluentClients.ProduceAsync(broker, Topic, 0, [("a", "1"), ("b", "2")]);
            using var consumer = new ConsumerBuilder<string, string>(ConfluentClients.ConsumerConfig(broker, "keeper")).Build();
            consumer.Commit([new TopicPartitionOffset(Topic, 0, 2)]);
        }

        await using var restarted = await TestBroker.StartAsync(o => o.DataDirectory = _data);
        using var resumed = new ConsumerBuilder<string, string>(ConfluentClients.ConsumerConfig(restarted, "keeper")).Build();
        var committed = resumed.Committed([new TopicPartition(Topic, 0)], TimeSpan.FromSeconds(10));
        Assert.Equal(2, committed[0].Offset.Value);
    }

    public void Dispose()
    {
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private string[] SegmentFiles() => Directory.GetFiles(Path.Combine(_data, $"{Topic}-0"), "*.log");
}
