using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.GrainInterfaces.Routes;
using TrafficOrleans.Ingest.IntegrationTests.Infrastructure;
using TrafficOrleans.Outbox;
using TrafficOrleans.Kafka;
using TrafficOrleans.Kafka.Topics;
using TrafficOrleans.Notifications;
using TrafficOrleans.Notifications.Delivery;
using TrafficOrleans.Notifications.Rules;

namespace TrafficOrleans.Notifications.IntegrationTests;

/// <summary>The production notification consumer and store wired by hand on the test's database and broker.</summary>
public sealed class NotificationHarness(NpgsqlDataSource dataSource, string bootstrapServers)
{
    public static readonly DateTimeOffset At = new(2025, 10, 15, 8, 2, 0, TimeSpan.Zero);

    /// <summary>A fresh group per test, so earlier tests' commits do not matter.</summary>
    public NotificationOptions Options { get; } = new() { ConsumerGroup = $"notification-test-{Guid.NewGuid():N}", BatchWindow = TimeSpan.FromMilliseconds(200) };

    /// <summary>The topic catalogue (defaults: the topics the test broker creates).</summary>
    public KafkaTopicsOptions Topics { get; } = new();

    /// <summary>A consumer; <paramref name="crashPoints"/> injects the crash, <paramref name="recentRoutes"/> the routes store.</summary>
    public NotificationConsumer Consumer(CrashPoints? crashPoints = null, IRecentRoutes? recentRoutes = null) =>
        new(new NotificationStore(dataSource, new OutboxSignal(), Topics, recentRoutes),
            Microsoft.Extensions.Options.Options.Create(Options),
            Map,
            Microsoft.Extensions.Options.Options.Create(Topics),
            Microsoft.Extensions.Options.Options.Create(new KafkaConnectionOptions { BootstrapServers = bootstrapServers }),
            new NotificationMetrics(Pipeline.Meters),
            crashPoints ?? new CrashPoints(),
            Microsoft.Extensions.Options.Options.Create(new TrafficOrleans.GrainInterfaces.Messages.Validation.MessageLimits()),
            new Kafka.Health.PipelineHealth(),
            TimeProvider.System,
            NullLogger<NotificationConsumer>.Instance);

    /// <summary>The roads the tests name: hanoi_rd_123 is Pho Tran Phu, 4 km at 40 km/h free flow.</summary>
    public static RoadDirectory Map { get; } = new(new Dictionary<string, RoadFacts> { ["hanoi_rd_123"] = new("Pho Tran Phu", 4000, 40) });

    /// <summary>A prediction of a road falling from 20 to 12 km/h within 10 min (one heavy_congestion alert, no sudden jam).</summary>
    public static RoadPrediction Congesting(string roadId) =>
        new(Guid.NewGuid(), At, roadId, 20, 12, 14, 13, 0.9, "lgbm-test");

    /// <summary>Produces values keyed by road id (acks=all) into <c>traffic-predictions</c>.</summary>
    public async Task ProduceAsync(params (string Key, byte[] Value)[] messages)
    {
        using var producer = new ProducerBuilder<string, byte[]>(new ProducerConfig { BootstrapServers = bootstrapServers, Acks = Acks.All }).Build();
        foreach (var (key, value) in messages) await producer.ProduceAsync(Topics.Predictions, new Message<string, byte[]> { Key = key, Value = value });
    }

    /// <summary>The JSON value of a prediction.</summary>
    public static (string Key, byte[] Value) Json(RoadPrediction prediction) => (prediction.RoadId, JsonSerializer.SerializeToUtf8Bytes(prediction, TrafficJson.Options));

    /// <summary>A raw value.</summary>
    public static (string Key, byte[] Value) Raw(string key, string value) => (key, Encoding.UTF8.GetBytes(value));

    /// <summary>Offsets the group committed on <c>traffic-predictions</c>, summed over the partitions (0 when none).</summary>
    public long CommittedCount()
    {
        using var reader = new ConsumerBuilder<Ignore, Ignore>(new ConsumerConfig { BootstrapServers = bootstrapServers, GroupId = Options.ConsumerGroup }).Build();
        var partitions = Enumerable.Range(0, EmbeddedBroker.Partitions).Select(p => new TopicPartition(Topics.Predictions, p));
        return reader.Committed(partitions, TimeSpan.FromSeconds(5)).Sum(c => c.Offset.Value < 0 ? 0 : c.Offset.Value);
    }

    /// <summary>Waits until the group committed <paramref name="expected"/> messages.</summary>
    public async Task WaitForCommitAsync(long expected)
    {
        var end = DateTime.UtcNow.AddSeconds(60);
        while (CommittedCount() < expected)
        {
            if (DateTime.UtcNow > end) throw new TimeoutException($"The notification consumer did not commit {expected} offsets in 60 s.");
            await Task.Delay(100);
        }
    }
}
