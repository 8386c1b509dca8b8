using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TrafficOrleans.Kafka.Health;
using TrafficOrleans.Storage.Hosting;

namespace TrafficOrleans.Silo.Hosting;

/// <summary>
/// Cross-cutting defaults of the host (as eShop's ServiceDefaults): OpenTelemetry metrics and traces
/// with a Prometheus scrape endpoint, health checks, problem details, structured console logs.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Meters the product exports besides the framework ones.</summary>
    public const string ProductMeterPrefix = "TrafficOrleans.*";

    /// <summary>Adds the defaults.</summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.AddJsonConsoleIfConfigured(builder.Configuration);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? "traffic-orleans"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Microsoft.Orleans", "Npgsql", ProductMeterPrefix)
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", ProductMeterPrefix)
                .AddNpgsql());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        builder.Services.AddProblemDetails();
        builder.Services.TryAddSingleton<PipelineHealth>();
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), tags: ["live"])
            .AddCheck<SiloHealthCheck>("silo", tags: [StorageHostingExtensions.ReadyTag])
            .AddCheck<PipelineHealthCheck>("pipeline", tags: [StorageHostingExtensions.ReadyTag]);
        return builder;
    }

    /// <summary>Maps <c>/health/live</c>, <c>/health/ready</c> and <c>/metrics</c>.</summary>
    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains("live") });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(StorageHostingExtensions.ReadyTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        });
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    private static void AddJsonConsoleIfConfigured(this ILoggingBuilder logging, IConfiguration configuration)
    {
        // Structured JSON lines for log collectors (Kubernetes); the readable console format stays the default on a laptop.
        if (string.Equals(configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase))
        {
            logging.AddJsonConsole(o => o.IncludeScopes = true);
        }
    }
}
