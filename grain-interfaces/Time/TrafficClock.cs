using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TrafficOrleans.GrainInterfaces.Time;

/// <summary>
/// The clock the traffic itself runs on: the instant readings are stamped with. It is the wall clock in production, but
/// a demo simulator or a replay runs it ahead of (or behind) wall time, so everything that compares "now" with a
/// reading's timestamp — forecast freshness, route departure times, current-traffic age,
/// the training window — asks this keyed <see cref="TimeProvider"/>
/// (<c>[FromKeyedServices(TrafficClock.Key)]</c>). Durations that are about the machine (timeouts, retries, batch
/// windows, Redis TTLs, Orleans itself) keep the plain <see cref="TimeProvider"/>.
/// </summary>
public static class TrafficClock
{
    /// <summary>Service key of the traffic clock.</summary>
    public const string Key = "traffic-clock";

    /// <summary>
    /// Registers the host's <see cref="TimeProvider"/> as the traffic clock unless a component (the ingestion source
    /// of this host) registered its own.
    /// </summary>
    public static IServiceCollection AddTrafficClockFallback(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddKeyedSingleton<TimeProvider>(Key, static (sp, _) => sp.GetRequiredService<TimeProvider>());
        return services;
    }
}
