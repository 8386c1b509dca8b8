using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TrafficOrleans.Outbox;
using TrafficOrleans.GrainInterfaces.Routes;
using TrafficOrleans.Kafka;
using TrafficOrleans.Kafka.Hosting;
using TrafficOrleans.Kafka.Health;
using TrafficOrleans.Kafka.Topics;
using TrafficOrleans.Notifications.Delivery;
using TrafficOrleans.Notifications.Rules;

namespace TrafficOrleans.Notifications.Hosting;

/// <summary>Host composition of the notification rules.</summary>
public static class NotificationsHostingExtensions
{
    /// <summary>Adds the notification rules and their consumer (sections <c>Notifications</c> and <c>Kafka</c>).</summary>
    public static IHostApplicationBuilder AddTrafficNotifications(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddTrafficNotifications(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// Registers the options (validated at start-up), metrics and store, and — when <c>Notifications:Enabled</c>
    /// (default true) — the consumer. Needs the host's <c>NpgsqlDataSource</c>; the alerts reach Kafka through the
    /// outbox relay, which must run somewhere in the cluster (<c>Outbox:Enabled</c>).
    /// </summary>
    public static IServiceCollection AddTrafficNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddKafkaClientSettings();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<PipelineHealth>();
        services.TryAddSingleton<NotificationMetrics>();
        services.TryAddSingleton(_ => CrashPoints.FromEnvironment());
        // A host with a road map registers its own directory first; without one, alerts name roads by id.
        services.TryAddSingleton<IRoadDirectory>(RoadDirectory.Empty);
        services.TryAddSingleton<IRecentRoutes>(NoRecentRoutes.Instance);
        services.TryAddSingleton(sp => ActivatorUtilities.CreateInstance<NotificationStore>(sp, sp.GetRequiredService<IOptions<KafkaTopicsOptions>>().Value, sp.GetRequiredService<IRecentRoutes>()));
        if (configuration.GetValue($"{NotificationOptions.SectionName}:{nameof(NotificationOptions.Enabled)}", true))
        {
            services.AddHostedService<NotificationConsumer>();
        }

        // Watched on every silo: the group's lag is the cluster's, whichever silos run its members.
        services.AddConsumerGroupWatch(sp => (
            sp.GetRequiredService<IOptions<NotificationOptions>>().Value.ConsumerGroup, sp.GetRequiredService<IOptions<KafkaTopicsOptions>>().Value.Predictions));

        return services;
    }
}
