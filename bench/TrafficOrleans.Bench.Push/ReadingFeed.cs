using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Confluent.Kafka;
using TrafficOrleans.GrainInterfaces.Messages;

namespace TrafficOrleans.Bench.Push;

/// <summary>
/// Produces readings to <c>traffic-raw</c> as ingestion does (keyed by road), each road's readings 5 minutes apart in
/// reading time, and remembers when each was produced so an alert can be traced back to its reading.
/// </summary>
public sealed class ReadingFeed : IDisposable
{
    /// <summary>Jam factor of a reading that must raise <c>severe_traffic</c> (above the rule's 3.0).</summary>
    public const double SevereJam = 8;

    private readonly IProducer<byte[], byte[]> _producer;
    private readonly ConcurrentDictionary<(string Road, long Ticks), long> _producedAt = new();
    private readonly Dictionary<string, DateTimeOffset> _nextTime = new(StringComparer.Ordinal);
    private readonly DateTimeOffset _start;

    /// <summary>A feed whose first readings are stamped <paramref name="start"/>.</summary>
    public ReadingFeed(string bootstrapServers, DateTimeOffset start)
    {
        _start = start;
        _producer = new ProducerBuilder<byte[], byte[]>(new ProducerConfig
        {
            BootstrapServers = bootstrapServers, EnableIdempotence = true, Acks = Acks.All, LingerMs = 2, Partitioner = Confluent.Kafka.Partitioner.Murmur2,
        }).Build();
    }

    /// <summary>Readings produced so far.</summary>
    public long Produced { get; private set; }

    /// <summary>
    /// Produces the road's next reading: jammed (speed 12 km/h, jam factor <see cref="SevereJam"/>: raises
    /// <c>severe_traffic</c>) or flowing (40 km/h, jam factor 1: raises <c>cleared</c> after an alert, else nothing).
    /// </summary>
    public void Produce(string roadId, bool jammed)
    {
        var time = _nextTime.GetValueOrDefault(roadId, _start);
        _nextTime[roadId] = time.AddMinutes(5);
        var reading = new TrafficReading(Guid.NewGuid(), time, roadId, roadId, jammed ? 12 : 40, 50, jammed ? SevereJam : 1,
            jammed ? CongestionLevel.Severe : CongestionLevel.Free, jammed ? 0.24 : 0.8, false);
        var message = new Message<byte[], byte[]> { Key = Encoding.UTF8.GetBytes(roadId), Value = JsonSerializer.SerializeToUtf8Bytes(reading, TrafficJson.Options) };
        _producedAt[(roadId, time.UtcTicks)] = Stopwatch.GetTimestamp();
        while (true)
        {
            try
            {
                _producer.Produce("traffic-raw", message);
                break;
            }
            catch (ProduceException<byte[], byte[]> ex) when (ex.Error.Code == Confluent.Kafka.ErrorCode.Local_QueueFull)
            {
                _producer.Poll(TimeSpan.FromMilliseconds(20));
            }
        }

        Produced++;
    }

    /// <summary>When the reading of <paramref name="roadId"/> at <paramref name="time"/> was produced (a Stopwatch timestamp), or null.</summary>
    public long? ProducedAt(string roadId, DateTimeOffset time) =>
        _producedAt.TryGetValue((roadId, time.UtcTicks), out var at) ? at : null;

    /// <summary>Waits until every produced reading is acknowledged by the broker.</summary>
    public void Flush() => _producer.Flush(TimeSpan.FromSeconds(60));

    /// <inheritdoc />
    public void Dispose() => _producer.Dispose();
}
