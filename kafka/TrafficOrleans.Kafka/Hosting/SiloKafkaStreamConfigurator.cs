using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting;
using TrafficOrleans.Kafka.Producing;
using TrafficOrleans.Kafka.Providers;

namespace TrafficOrleans.Kafka.Hosting;

/// <summary>Configures a Kafka persistent stream provider on a silo.</summary>
public sealed class SiloKafkaStreamConfigurator : SiloPersistentStreamConfigurator
{
    /// <summary>
    /// Cached messages of one stream handed to its consumer in one delivery (Orleans' default is one).
    /// A batch observer then sees a road's whole backlog at once; a plain observer still gets them one by one.
    /// </summary>
    public const int DefaultDeliveryBatchSize = 64;

    /// <summary>Creates the configurator for a provider name.</summary>
    public SiloKafkaStreamConfigurator(string name, Action<Action<IServiceCollection>> configureServicesDelegate)
        : base(name, configureServicesDelegate, KafkaAdapterFactory.Create)
    {
        ConfigureDelegate(services =>
        {
            services.ConfigureNamedOptionForLogging<KafkaStreamOptions>(name);
            services.AddKafkaProducer();
            services.TryAddSingleton<KafkaStreamMetrics>();
            services.AddKeyedSingleton(name, (sp, _) => new KafkaStreamClients(
                sp.GetOptionsByName<KafkaStreamOptions>(name), sp.GetRequiredService<KafkaMessageProducer>(), sp.GetRequiredService<KafkaStreamMetrics>(),
                sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()));
            services.AddTransient<IConfigurationValidator>(sp => new KafkaStreamOptionsValidator(sp.GetOptionsByName<KafkaStreamOptions>(name), name));
        });
        this.ConfigurePullingAgent(options => options.Configure<IOptionsMonitor<KafkaStreamOptions>>((agent, kafka) =>
        {
            agent.GetQueueMsgsTimerPeriod = kafka.Get(name).PollInterval;
            agent.BatchContainerBatchSize = DefaultDeliveryBatchSize;
            // Orleans' default gives up on a batch after a minute of failed deliveries and skips it, good messages
            // included. Consumers here dead-letter what they cannot process themselves, so a failing delivery means
            // an outage (PostgreSQL, Kafka): retry it, with Orleans' backoff, until the outage is over.
            agent.MaxEventDeliveryTime = Timeout.InfiniteTimeSpan;
            // A receiver's start is a broker round trip (its committed offset). With every receiver starting at once
            // on a busy silo it overran Orleans' 5 s default, and after 6 failed starts Orleans abandons the queue
            // until the next rebalance: a partition nobody reads. Seen once in the push benchmark.
            agent.InitQueueTimeout = InitQueueTimeout;
        }));
    }

    /// <summary>How long a queue receiver may take to start (Orleans' default is 5 s).</summary>
    public static readonly TimeSpan InitQueueTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Configures the provider's options.</summary>
    public SiloKafkaStreamConfigurator ConfigureKafka(Action<OptionsBuilder<KafkaStreamOptions>> configureOptions)
    {
        this.Configure(configureOptions);
        return this;
    }
}
