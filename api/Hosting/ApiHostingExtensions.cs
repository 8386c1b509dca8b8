using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using TrafficOrleans.Api.Admin;
using TrafficOrleans.Api.Analytics;
using TrafficOrleans.Api.Notifications;
using TrafficOrleans.Api.Roads;
using TrafficOrleans.Api.Routing;
using TrafficOrleans.Api.Status;
using TrafficOrleans.Api.Traffic;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.Storage.Postgres.Notifications;
using TrafficOrleans.GrainInterfaces.Time;
using TrafficOrleans.Kafka.Hosting;

namespace TrafficOrleans.Api.Hosting;

/// <summary>Registers and maps the HTTP API of the product.</summary>
public static class ApiHostingExtensions
{
    /// <summary>Adds the API's services: wire-format JSON (compressed), the OpenAPI document, the status queries.</summary>
    public static IHostApplicationBuilder AddTrafficApi(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<JsonOptions>(options =>
        {
            // HTTP bodies use the same snake_case wire format as the Kafka topics.
            options.SerializerOptions.PropertyNamingPolicy = TrafficJson.Options.PropertyNamingPolicy;
        });
        builder.Services.AddOpenApi();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddTrafficClockFallback();
        builder.Services.AddSingleton<CurrentTrafficReader>();
        builder.Services.TryAddSingleton<NotificationHistory>();
        builder.Services.AddSingleton<SystemStatusQuery>();
        builder.Services.AddConsumerLag();
        builder.Services.AddJsonCompression();
        return builder;
    }

    /// <summary>Maps every endpoint group of the API (traffic, route, admin, analytics, roads, notifications, system) and the OpenAPI document.</summary>
    public static IEndpointRouteBuilder MapTrafficApiEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi();
        endpoints.MapTrafficApi();
        endpoints.MapRoutingApi();
        endpoints.MapAdminApi();
        endpoints.MapAnalyticsApi();
        endpoints.MapRoadsApi();
        endpoints.MapNotificationsApi();
        endpoints.MapSystemApi();
        return endpoints;
    }
}
