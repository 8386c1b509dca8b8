using Microsoft.Extensions.Logging;
using TrafficOrleans.Kafka.Producing;

namespace TrafficOrleans.Kafka.Providers;

/// <summary>
/// The Kafka clients one stream provider shares in a silo: its idempotent producer (stream events and dead
/// letters) and the dead-letter publisher, which grains reach through a port when they reject a delivered
/// event. Created lazily so a silo starts before the broker answers; disposed with the silo's container.
/// </summary>
public sealed class KafkaStreamClients : IDisposable
{
    private readonly Lazy<KafkaMessageProducer> _producer;
    private readonly Lazy<DeadLetterPublisher> _deadLetters;
    private readonly Lazy<DeadLetterMarks> _marks;

    /// <summary>Creates the clients of provider <paramref name="name"/>.</summary>
    public KafkaStreamClients(string name, KafkaStreamOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        Options = options;
        _producer = new(() => new KafkaMessageProducer(options, $"{name}-producer-{Environment.MachineName}", loggerFactory.CreateLogger<KafkaMessageProducer>()));
        _deadLetters = new(() => new DeadLetterPublisher(_producer.Value, options, loggerFactory.CreateLogger<DeadLetterPublisher>()));
        _marks = new(() => new DeadLetterMarks(options));
    }

    /// <summary>The provider's options.</summary>
    public KafkaStreamOptions Options { get; }

    /// <summary>The provider's producer.</summary>
    public KafkaMessageProducer Producer => _producer.Value;

    /// <summary>The provider's dead-letter publisher.</summary>
    public DeadLetterPublisher DeadLetters => _deadLetters.Value;

    /// <summary>How far each partition's dead-lettering has got (so a restart does not dead-letter twice).</summary>
    public DeadLetterMarks DeadLetterMarks => _marks.Value;

    /// <inheritdoc />
    public void Dispose()
    {
        if (_producer.IsValueCreated) _producer.Value.Dispose();
        if (_marks.IsValueCreated) _marks.Value.Dispose();
    }
}
