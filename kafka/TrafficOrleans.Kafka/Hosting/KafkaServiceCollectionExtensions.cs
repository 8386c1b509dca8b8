using Microsoft.Extensions.DependencyInjection;
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
}
