using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TrafficOrleans.Grains.Roads;
using TrafficOrleans.GrainInterfaces.Time;

namespace TrafficOrleans.Grains.Hosting;

/// <summary>Services the grains need in every silo.</summary>
public static class GrainsHostingExtensions
{
    /// <summary>Adds the grains' services (a host may register its own <see cref="IRoadPredictor"/> first).</summary>
    public static IServiceCollection AddTrafficGrains(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddTrafficClockFallback();
        services.AddTrafficForecasting();
        services.TryAddSingleton<IRoadPredictor, ChampionRoadPredictor>();
        services.TryAddSingleton<RoadMetrics>();
        return services;
    }
}
