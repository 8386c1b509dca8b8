using Scalar.AspNetCore;
using Orleans.Dashboard;
using TrafficOrleans.Api.Dashboard;
using TrafficOrleans.Api.Hosting;
using TrafficOrleans.Api.Security;
using TrafficOrleans.Ingest.Hosting;
using TrafficOrleans.Notifications.Hosting;
using TrafficOrleans.Outbox.Hosting;
using TrafficOrleans.Push.Hosting;
using TrafficOrleans.Push.WebSockets;
using TrafficOrleans.Silo.Hosting;
using TrafficOrleans.Storage.Hosting;

try
{
    const string dashboardPrefix = "/orleans";
    var builder = WebApplication.CreateBuilder(args);
    builder.AddServiceDefaults();
    // First of the hosted services, so it starts first and stops last (after the relay and the silo).
    builder.AddEmbeddedKafkaBroker();
    builder.AddGracefulShutdown();
    builder.AddTrafficStorage();
    // Before its writers (the silo's road grains, ingestion, notifications), so it stops after them and relays their last rows.
    builder.AddTrafficOutbox();
    builder.AddTrafficOrleans();
    builder.AddTrafficApi();
    builder.AddTrafficApiSecurity();
    builder.AddTrafficDashboard();
    builder.AddTrafficRouting();
    builder.AddTrafficIngestion();
    builder.AddTrafficNotifications();
    builder.AddTrafficPush();
    builder.AddWarmup();

    var app = builder.Build();
    await app.PrepareInfrastructureAsync();
    await app.StartEmbeddedKafkaAsync();

    app.MapServiceDefaults();
    app.UseJsonCompression(PushHostingExtensions.HubPath, NotificationSocketEndpoint.Path);
    app.UseTrafficApiSecurity(dashboardPrefix);
    // The web dashboard (web/, built into wwwroot) is the site's root; /scalar and /orleans stay where they are.
    app.UseTrafficDashboard();
    app.MapTrafficApiEndpoints();
    app.MapTrafficPush();
    app.MapScalarApiReference("/scalar");
    app.MapOrleansDashboard(routePrefix: dashboardPrefix);
    app.MapDashboardConfig();

    await app.RunAsync();
    return 0;
}
catch (InfrastructureUnavailableException ex)
{
    // One line an operator can act on, not a stack trace.
    await Console.Error.WriteLineAsync($"TrafficOrleans cannot start: {ex.Message}");
    return 2;
}

/// <summary>Entry point; public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
