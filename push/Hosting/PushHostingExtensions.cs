using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using TrafficOrleans.Kafka.Health;
using TrafficOrleans.Kafka.Hosting;
using TrafficOrleans.Push.Alerts;
using TrafficOrleans.Push.Consumers;
using TrafficOrleans.Push.Delivery;
using TrafficOrleans.Push.Hubs;
using TrafficOrleans.Push.Subscriptions;
using TrafficOrleans.Push.Updates;
using TrafficOrleans.Push.WebSockets;
using TrafficOrleans.Storage.Hosting;
using TrafficOrleans.Storage.Postgres.Notifications;
using TrafficOrleans.GrainInterfaces.Time;

namespace TrafficOrleans.Push.Hosting;

/// <summary>Registers and maps the push channels: the SignalR hub, the raw WebSocket and this silo's Kafka bridges.</summary>
public static class PushHostingExtensions
{
    /// <summary>Hub path.</summary>
    public const string HubPath = "/hubs/traffic";

    /// <summary>
    /// Adds push (section <c>Push</c>). Needs the routing network (road positions) and the PostgreSQL data source
    /// (<c>GetAlertsSince</c>) registered by the routing and storage components.
    /// </summary>
    public static IHostApplicationBuilder AddTrafficPush(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<PushOptions>().BindConfiguration(PushOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddKafkaClientSettings();
        services.TryAddSingleton(TimeProvider.System);
        services.AddTrafficClockFallback();
        services.TryAddSingleton<PipelineHealth>();
        services.AddSignalR().AddMessagePackProtocol();
        services.AddSingleton<TrafficHubLifetimeManager>();
        services.AddSingleton<HubLifetimeManager<TrafficHub>>(provider => provider.GetRequiredService<TrafficHubLifetimeManager>());
        services.AddSingleton<PushMetrics>();
        services.AddSingleton<PushConnections>();
        services.AddSingleton<TrafficChanges>();
        services.TryAddSingleton<NotificationHistory>();
        services.AddSingleton<AlertHistory>();
        services.AddSingleton<AlertBridge>();
        services.AddHostedService(provider => provider.GetRequiredService<AlertBridge>());
        services.AddHealthChecks().AddCheck<AlertReaderHealthCheck>("push-alerts", tags: [StorageHostingExtensions.ReadyTag]);
        services.AddHostedService<TrafficBridge>();
        services.AddHostedService<GraphBridge>();
        return builder;
    }

    /// <summary>Maps <c>/hubs/traffic</c> and <c>/ws/notifications</c> (and turns on WebSocket requests).</summary>
    public static WebApplication MapTrafficPush(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWebSockets();
        app.MapHub<TrafficHub>(HubPath);
        app.Map(NotificationSocketEndpoint.Path, NotificationSocketEndpoint.HandleAsync).ExcludeFromDescription();
        return app;
    }
}
