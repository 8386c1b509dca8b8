using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Providers.Streams.Common;
using Orleans.Streams;
using TrafficOrleans.Kafka.Producing;
using TrafficOrleans.Kafka.Topics;

namespace TrafficOrleans.Kafka.Providers;

/// <summary>Creates the Kafka queue adapter, its cache, queue mapper and failure handler for one provider name.</summary>
public sealed partial class KafkaAdapterFactory : IQueueAdapterFactory, IDisposable
{
    private readonly string _name;
    private readonly KafkaStreamOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly KafkaStreamQueueMapper _queueMapper;
    private readonly SimpleQueueAdapterCache _cache;
    private KafkaMessageProducer? _producer;

    /// <summary>Creates the factory.</summary>
    public KafkaAdapterFactory(string name, KafkaStreamOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _name = name;
        _options = options;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<KafkaAdapterFactory>();
        _queueMapper = new KafkaStreamQueueMapper(options, name);
        _cache = new SimpleQueueAdapterCache(new SimpleQueueCacheOptions { CacheSize = options.CacheSize }, name, loggerFactory);
    }

    /// <summary>The factory for a provider name, as Orleans' configurator expects.</summary>
    public static KafkaAdapterFactory Create(IServiceProvider services, string name)
    {
        var options = services.GetOptionsByName<KafkaStreamOptions>(name);
        return ActivatorUtilities.CreateInstance<KafkaAdapterFactory>(services, name, options);
    }

    /// <inheritdoc />
    public async Task<IQueueAdapter> CreateAdapter()
    {
        LogStarting(_logger, _name, KafkaClientConfig.Describe(_options));
        await new KafkaTopicProvisioner(_options, _loggerFactory.CreateLogger<KafkaTopicProvisioner>()).EnsureTopicsAsync();
        _producer ??= new KafkaMessageProducer(_options, $"{_name}-producer-{Environment.MachineName}", _loggerFactory.CreateLogger<KafkaMessageProducer>());
        var deadLetters = new DeadLetterPublisher(_producer, _options, _loggerFactory.CreateLogger<DeadLetterPublisher>());
        return new KafkaQueueAdapter(_name, _options, _queueMapper, _producer, deadLetters, _loggerFactory);
    }

    /// <inheritdoc />
    public IQueueAdapterCache GetQueueAdapterCache() => _cache;

    /// <inheritdoc />
    public IStreamQueueMapper GetStreamQueueMapper() => _queueMapper;

    /// <inheritdoc />
    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) =>
        Task.FromResult<IStreamFailureHandler>(new NoOpStreamDeliveryFailureHandler());

    /// <inheritdoc />
    public void Dispose() => _producer?.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Kafka stream provider {Name} connecting: {Settings}")]
    private static partial void LogStarting(ILogger logger, string name, string settings);
}
