using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using TrafficOrleans.Kafka.Health;
using TrafficOrleans.Kafka.Hosting;
using TrafficOrleans.Storage.Hosting;

namespace TrafficOrleans.Outbox.Hosting;

/// <summary>Host composition of the outbox relay (section <c>Outbox</c>; Kafka through the host's one producer).</summary>
public static class OutboxHostingExtensions
{
    /// <summary>
    /// The relay in a host: <see cref="AddOutboxRelay"/> plus, when <c>Outbox:Enabled</c> (default true), the
    /// <see cref="OutboxRelayService"/> and its <see cref="OutboxListener"/>. Every writer of the outbox (ingestion,
    /// notifications, road grains) relies on it, so it runs whatever else the host does. Safe to call more than once. Hosted services
    /// stop in reverse order: register it before the writers so it finishes their last rows.
    /// In the <c>Cluster</c> profile the relay runs on one silo at a time (lease <c>outbox-relay</c>): row locks
    /// alone would let two silos publish consecutive batches of one road concurrently, out of order, and a road grain
    /// ignores a reading older than one it has applied. Every silo's commits still wake it through <c>NOTIFY</c>.
    /// </summary>
    public static IHostApplicationBuilder AddTrafficOutbox(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddTrafficOutbox(builder.Configuration);
        return builder;
    }

    /// <summary>
    /// <see cref="AddTrafficOutbox(IHostApplicationBuilder)"/> on a service collection (Orleans test silos, which road
    /// grains publish their predictions through).
    /// </summary>
    public static IServiceCollection AddTrafficOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOutboxRelay();
        if (configuration.GetValue($"{OutboxOptions.SectionName}:Enabled", true))
        {
            if (!services.Any(d => d.ServiceType == typeof(OutboxRelayService)))
            {
                services.AddSingleton<OutboxRelayService>();
                services.AddLeaderOnlyHostedService(configuration, "outbox-relay", sp => sp.GetRequiredService<OutboxRelayService>());
            }

            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, OutboxListener>());
        }

        return services;
    }

    /// <summary>
    /// The relay without anything running in the background (the CLI's one-shot commands drain it themselves). Needs
    /// the host's <c>NpgsqlDataSource</c>.
    /// </summary>
    public static IServiceCollection AddOutboxRelay(this IServiceCollection services)
    {
        services.AddKafkaProducer();
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<PipelineHealth>();
        services.TryAddSingleton<OutboxMetrics>();
        services.TryAddSingleton<OutboxRelay>();
        return services;
    }
}
