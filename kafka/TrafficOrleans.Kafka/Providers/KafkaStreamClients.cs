using Microsoft.Extensions.Logging;
using TrafficOrleans.Kafka.Producing;

namespace TrafficOrleans.Kafka.Providers;

/// <summary>
/// The Kafka clients one stream provider uses in a silo: the host's shared producer (stream events and dead
/// letters), the dead-letter publisher, which grains reach through a port when they reject a delivered event, and
/// the dead-letter marks. The producer belongs to the container (one per host); the marks are this provider's.
/// </summary>
public sealed class KafkaStreamClients : IDisposable
{
    private readonly Lazy<DeadLetterPublisher> _deadLetters;
    private readonly Lazy<DeadLetterMarks> _marks;

    /// <summary>Creates the clients of a provider over the host's <paramref name="producer"/>.</summary>
    public KafkaStreamClients(KafkaStreamOptions options, KafkaMessageProducer producer, KafkaStreamMetrics metrics, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        Options = options;
        Producer = producer;
        Metrics = metrics;
        _deadLetters = new(() => new DeadLetterPublisher(producer, options, metrics, loggerFactory.CreateLogger<DeadLetterPublisher>()));
        _marks = new(() => new DeadLetterMarks(options));
    }

    /// <summary>The provider's options.</summary>
    public KafkaStreamOptions Options { get; }

    /// <summary>The host's producer.</summary>
    public KafkaMessageProducer Producer { get; }

    /// <summary>The provider's counters.</summary>
    public KafkaStreamMetrics Metrics { get; }

    /// <summary>The provider's dead-letter publisher.</summary>
    public DeadLetterPublisher DeadLetters => _deadLetters.Value;

    /// <summary>How far each partition's dead-lettering has got (so a restart does not dead-letter twice).</summary>
    public DeadLetterMarks DeadLetterMarks => _marks.Value;

    /// <inheritdoc />
    public void Dispose()
    {
        if (_marks.IsValueCreated) _marks.Value.Dispose();
    }
}
