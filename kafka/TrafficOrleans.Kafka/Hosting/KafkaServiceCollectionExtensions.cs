using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
}
