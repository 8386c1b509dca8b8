using System.Collections.Concurrent;
using System.Text;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using TrafficOrleans.IntegrationTests.Infrastructure;
using TrafficOrleans.Kafka;
using TrafficOrleans.Kafka.Consuming;
using TrafficOrleans.Kafka.Health;

namespace TrafficOrleans.IntegrationTests.Streams;

/// <summary>
/// The consumer skeleton reads and decodes the next batch while the previous one is being stored (one batch ahead at
/// most, growing past its due size up to its most meanwhile), yet stores batches one at a time and in order, and
/// commits a batch only once it is stored.
/// </summary>
public sealed class GroupConsumerReadAheadTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_next_batch_is_read_while_one_is_stored_and_grows_to_its_most_but_is_stored_and_committed_only_after_it()
    {
        await using var broker = await ServersFixture.StartPrivateBrokerAsync();
        var topic = $"read-ahead-{Guid.NewGuid():N}";
        var group = $"read-ahead-{Guid.NewGuid():N}";
        await ProduceAsync(broker.BootstrapServers, topic, 0, 12);

        // Due at 10 by size (the window is long, so which messages make a batch does not depend on timing), at most 15.
        var settings = new GroupConsumerSettings("read-ahead", topic, group, 10, TimeSpan.FromSeconds(2), "read-ahead") { MaxBatchSize = 15 };
        var consumer = new GatedConsumer(settings, broker.BootstrapServers);
        using var stopping = new CancellationTokenSource();
        await consumer.StartAsync(stopping.Token);
        try
        {
            // Nothing in flight: the first batch starts as soon as it is due, without growing (12 were there to read).
            await Eventually.WaitForAsync(() => Task.FromResult(consumer.Flushes.Count), count => count == 1, Deadline, "the first batch's store to start");
            Assert.Equal(Enumerable.Range(0, 10), consumer.Flushes.Single());

            // The first store is held: the consumer goes on reading meanwhile, into one batch that is due at 10 and
            // grows to its most, 15...
            await ProduceAsync(broker.BootstrapServers, topic, 12, 40);
            await Eventually.WaitForAsync(() => Task.FromResult(consumer.Decoded.Count), count => count == 25, Deadline, "the next batch to be read during the held store");
            // ...and starts no second store, reads no further and commits nothing before the first is stored.
            await Task.Delay(500);
            Assert.Equal(25, consumer.Decoded.Count);
            Assert.Single(consumer.Flushes);
            Assert.InRange(KafkaTestClient.CommittedOffsets(broker.BootstrapServers, group, topic, 1)[0], long.MinValue, 0);

            consumer.Release();
            await Eventually.WaitForAsync(
                () => Task.FromResult(KafkaTestClient.CommittedOffsets(broker.BootstrapServers, group, topic, 1)[0]), committed => committed == 40, Deadline,
                "every batch stored and committed");
            Assert.Equal(Enumerable.Range(10, 15), consumer.Flushes.ElementAt(1));
            Assert.Equal(Enumerable.Range(0, 40), consumer.Flushes.SelectMany(batch => batch));
            Assert.All(consumer.Flushes, batch => Assert.InRange(batch.Length, 1, 15));
            Assert.Equal(1, consumer.MostStoresAtOnce);
        }
        finally
        {
            consumer.Release();
            await stopping.CancelAsync();
            await consumer.StopAsync(CancellationToken.None);
        }
    }

    private static async Task ProduceAsync(string bootstrapServers, string topic, int from, int to)
    {
        using var producer = new ProducerBuilder<byte[]?, byte[]>(new ProducerConfig { BootstrapServers = bootstrapServers, EnableIdempotence = true }).Build();
        for (var i = from; i < to; i++)
        {
            await producer.ProduceAsync(new TopicPartition(topic, 0), new Message<byte[]?, byte[]> { Key = null, Value = Encoding.ASCII.GetBytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture)) });
        }
    }

    /// <summary>A consumer of numbers whose first store waits for <see cref="Release"/>.</summary>
    private sealed class GatedConsumer(GroupConsumerSettings settings, string bootstrapServers)
        : BatchingGroupConsumer<int>(settings, new KafkaConnectionOptions { BootstrapServers = bootstrapServers }, new PipelineHealth(), TimeProvider.System, NullLogger.Instance)
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _storing;
        private int _mostAtOnce;

        public ConcurrentQueue<int> Decoded { get; } = new();

        public ConcurrentQueue<int[]> Flushes { get; } = new();

        public int MostStoresAtOnce => Volatile.Read(ref _mostAtOnce);

        public void Release() => _gate.TrySetResult();

        protected override bool TryDecode(ConsumeResult<byte[]?, byte[]?> message, out int item, out string category, out string reason)
        {
            item = int.Parse(Encoding.ASCII.GetString(message.Message.Value!), System.Globalization.CultureInfo.InvariantCulture);
            Decoded.Enqueue(item);
            category = reason = "";
            return true;
        }

        protected override async Task FlushAsync(ConsumedBatch<int> batch, CancellationToken cancellationToken)
        {
            var storing = Interlocked.Increment(ref _storing);
            if (storing > Volatile.Read(ref _mostAtOnce)) Volatile.Write(ref _mostAtOnce, storing);
            Flushes.Enqueue([.. batch.Items]);
            await _gate.Task.WaitAsync(cancellationToken);
            Interlocked.Decrement(ref _storing);
        }
    }
}
