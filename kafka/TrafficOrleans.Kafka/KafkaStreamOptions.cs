using System.Text.Json;
using TrafficOrleans.Kafka.Topics;

namespace TrafficOrleans.Kafka;

/// <summary>Options of the Kafka persistent stream provider (one instance per provider name).</summary>
public sealed class KafkaStreamOptions
{
    /// <summary><c>bootstrap.servers</c>: the project's development broker or a real Kafka cluster.</summary>
    public string BootstrapServers { get; set; } = KafkaConnectionOptions.DefaultBootstrapServers;

    /// <summary>
    /// Extra librdkafka settings passed to every client unchanged (e.g. <c>security.protocol</c>,
    /// <c>sasl.mechanism</c>, <c>sasl.username</c>, <c>sasl.password</c>, <c>ssl.ca.location</c>).
    /// Values of keys containing "password", "secret" or "key" are redacted in logs.
    /// </summary>
    public Dictionary<string, string> ClientConfig { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The topics and their stream namespaces.</summary>
    public List<KafkaTopicOptions> Topics { get; set; } = [];

    /// <summary>Where rejected messages go, with headers saying why and from where.</summary>
    public string DeadLetterTopic { get; set; } = KafkaTopicsOptions.DefaultDeadLetters;

    /// <summary>Retention of the dead-letter topic when created.</summary>
    public TimeSpan DeadLetterRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Create missing topics at start-up through the admin API.</summary>
    public bool CreateTopics { get; set; } = true;

    /// <summary>
    /// Most messages one receiver hands to Orleans per pull (Orleans also caps a pull at a tenth of the cache).
    /// Large pulls matter during a catch-up: a pull's messages are grouped into one batch per key.
    /// </summary>
    public int MaxBatchSize { get; set; } = 4096;

    /// <summary>Values larger than this are dead-lettered rather than delivered to grains.</summary>
    public int MaxMessageBytes { get; set; } = 1_000_000;

    /// <summary>Orleans queue cache size per queue (batches, each one key's messages from one pull).</summary>
    public int CacheSize { get; set; } = 16_384;

    /// <summary>
    /// How long a pulling agent waits after a pull that found nothing before it pulls again (Orleans'
    /// <c>GetQueueMsgsTimerPeriod</c>, 100 ms by default). A reading arriving at an idle queue waits half of it on
    /// average before any grain sees it, and a 5-minute tick always arrives at idle queues; while messages keep coming
    /// the agent pulls back to back whatever this is. The cost is one non-blocking poll per queue per interval.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = DefaultPollInterval;

    /// <summary>The default <see cref="PollInterval"/>.</summary>
    public static readonly TimeSpan DefaultPollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>How long start-up waits for the broker (metadata, committed offsets).</summary>
    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How message values are read and written (the wire format of the product).</summary>
    public JsonSerializerOptions JsonSerializerOptions { get; set; } = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Faster readers of an event type, tried before <see cref="JsonSerializerOptions"/>: each returns the event for the
    /// form its producers write and null for anything else, which the serializer then reads (or rejects) as usual.
    /// </summary>
    public Dictionary<Type, Func<byte[], object?>> ValueReaders { get; set; } = [];

    /// <summary>The topic carrying a stream namespace, or null.</summary>
    public KafkaTopicOptions? TopicForNamespace(string streamNamespace) =>
        Topics.Find(t => string.Equals(t.Namespace, streamNamespace, StringComparison.Ordinal));
}
