using System.Collections.Concurrent;
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
    private readonly KafkaStreamClients _clients;
    private readonly IKafkaEventValidator? _validator;
    private readonly ConcurrentDictionary<QueueId, AbandonedDeliveries> _abandoned = new();

    /// <summary>Creates the factory.</summary>
    public KafkaAdapterFactory(string name, KafkaStreamClients clients, ILoggerFactory loggerFactory, IKafkaEventValidator? validator = null)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var options = clients.Options;
        _name = name;
        _options = options;
        _clients = clients;
        _validator = validator;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<KafkaAdapterFactory>();
        _queueMapper = new KafkaStreamQueueMapper(options, name);
        _cache = new SimpleQueueAdapterCache(new SimpleQueueCacheOptions { CacheSize = options.CacheSize }, name, loggerFactory);
    }

    /// <summary>The factory for a provider name, as Orleans' configurator expects.</summary>
    public static KafkaAdapterFactory Create(IServiceProvider services, string name)
    {
        var clients = services.GetRequiredKeyedService<KafkaStreamClients>(name);
        return new KafkaAdapterFactory(name, clients, services.GetRequiredService<ILoggerFactory>(), services.GetService<IKafkaEventValidator>());
    }

    /// <inheritdoc />
    public async Task<IQueueAdapter> CreateAdapter()
    {
        LogStarting(_logger, _name, KafkaClientConfig.Describe(_options));
        await new KafkaTopicProvisioner(_options, _loggerFactory.CreateLogger<KafkaTopicProvisioner>()).EnsureTopicsAsync();
        return new KafkaQueueAdapter(_name, _options, _queueMapper, _clients, AbandonedOf, _validator, _loggerFactory);
    }

    /// <inheritdoc />
    public IQueueAdapterCache GetQueueAdapterCache() => _cache;

    /// <inheritdoc />
    public IStreamQueueMapper GetStreamQueueMapper() => _queueMapper;

    /// <inheritdoc />
    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) =>
        Task.FromResult<IStreamFailureHandler>(new KafkaDeliveryFailureHandler(
            AbandonedOf(queueId), _queueMapper.PartitionOf(queueId).ToString(), _clients.Metrics, _loggerFactory.CreateLogger<KafkaDeliveryFailureHandler>()));

    /// <inheritdoc />
    // The producer belongs to the container's KafkaStreamClients, which disposes it after the silo stopped.
    public void Dispose() => _abandoned.Clear();

    private AbandonedDeliveries AbandonedOf(QueueId queueId) => _abandoned.GetOrAdd(queueId, _ => new AbandonedDeliveries());

    [LoggerMessage(Level = LogLevel.Information, Message = "Kafka stream provider {Name} connecting: {Settings}")]
    private static partial void LogStarting(ILogger logger, string name, string settings);
}
