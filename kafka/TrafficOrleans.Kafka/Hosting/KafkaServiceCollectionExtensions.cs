using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TrafficOrleans.Kafka.Lag;
using TrafficOrleans.Kafka.Producing;
using TrafficOrleans.Kafka.Topics;

namespace TrafficOrleans.Kafka.Hosting;

/// <summary>Registers what every Kafka client of a host shares.</summary>
public static class KafkaServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates at start-up the <c>Kafka</c> connection settings and the <c>Kafka:Topics</c> catalogue
    /// (safe to call from every component; the registrations are the same).
    /// </summary>
    public static IServiceCollection AddKafkaClientSettings(this IServiceCollection services)
    {
        services.AddOptions<KafkaConnectionOptions>().BindConfiguration(KafkaConnectionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<KafkaTopicsOptions>().BindConfiguration(KafkaTopicsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    /// <summary>
    /// The host's one idempotent producer (<see cref="KafkaMessageProducer"/>, section <c>Kafka:Producer</c>) with the
    /// settings it reads. Safe to call from every component that produces: the first registration wins, so a host
    /// holds one producer, disposed (flushed) once with the container.
    /// </summary>
    public static IServiceCollection AddKafkaProducer(this IServiceCollection services)
    {
        services.AddKafkaClientSettings();
        services.AddOptions<KafkaProducerOptions>().BindConfiguration(KafkaProducerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<KafkaMessageProducer>();
        return services;
    }

    /// <summary>
    /// The consumer-lag monitor of <c>GET /system/status</c> (section <c>Kafka:ConsumerLag</c>), watching every group
    /// registered with <see cref="AddConsumerGroupWatch"/> plus the configured ones.
    /// </summary>
    public static IServiceCollection AddConsumerLag(this IServiceCollection services)
    {
        services.AddKafkaClientSettings();
        services.AddOptions<ConsumerLagOptions>().BindConfiguration(ConsumerLagOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new ConsumerLagReader(sp.GetRequiredService<IOptions<KafkaConnectionOptions>>().Value));
        services.TryAddSingleton<ConsumerLagMonitor>();
        return services;
    }

    /// <summary>Reports the lag of a consumer of this host in <c>GET /system/status</c> (call it where the consumer is registered).</summary>
    public static IServiceCollection AddConsumerGroupWatch(this IServiceCollection services, Func<IServiceProvider, (string Group, string Topic)> watch)
    {
        ArgumentNullException.ThrowIfNull(watch);
        return services.AddSingleton(sp =>
        {
            var (group, topic) = watch(sp);
            return new ConsumerGroupWatch { Group = group, Topic = topic };
        });
    }
}
