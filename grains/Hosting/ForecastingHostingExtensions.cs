using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using TrafficOrleans.Forecasting;
using TrafficOrleans.Forecasting.Registry;
using TrafficOrleans.Grains.Forecasting;
using TrafficOrleans.GrainInterfaces.Time;

namespace TrafficOrleans.Grains.Hosting;

/// <summary>Registers forecasting in a silo: options, the model registry, the provider and start-up (training jobs: the silo's <c>AddTrafficTrainingJobs</c>).</summary>
public static class ForecastingHostingExtensions
{
    /// <summary>Adds forecasting (section <c>Forecasting</c>) to the host.</summary>
    public static IHostApplicationBuilder AddTrafficForecasting(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddTrafficForecasting();
        return builder;
    }

    /// <summary>Adds forecasting to a service collection (also used by Orleans test silos).</summary>
    public static IServiceCollection AddTrafficForecasting(this IServiceCollection services)
    {
        services.AddOptions<ForecastingOptions>()
            .BindConfiguration(ForecastingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddTrafficClockFallback();
        services.AddSingleton<ModelRegistry>();
        services.AddSingleton<ForecasterProvider>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, ForecastingStartup>();
        return services;
    }
}
