using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TrafficOrleans.GrainInterfaces.Messages.Validation;

/// <summary>Binds <see cref="MessageLimits"/> once, whichever component of a host asks first.</summary>
public static class MessageLimitsRegistration
{
    /// <summary>Binds section <c>Validation</c> to <see cref="MessageLimits"/> and validates it at start-up.</summary>
    public static IServiceCollection AddMessageLimits(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(MessageLimitsMarker))) return services;
        services.AddSingleton<MessageLimitsMarker>();
        services.AddOptions<MessageLimits>()
            .BindConfiguration(MessageLimits.SectionName)
            .Validate(l => l.MaxSpeedKmh > 0 && l.MaxJamFactor > 0 && l.EarliestTimestamp < l.LatestTimestamp && l.MaxRoadIdLength > 0,
                "Validation: MaxSpeedKmh and MaxJamFactor must be positive, EarliestTimestamp before LatestTimestamp")
            .ValidateOnStart();
        return services;
    }

    private sealed class MessageLimitsMarker;
}
