using TrafficOrleans.Storage.Hosting;

namespace TrafficOrleans.Silo.Hosting;

/// <summary>Registers the start-up warm-up and its readiness gate.</summary>
public static class WarmupHostingExtensions
{
    /// <summary>Adds <see cref="WarmupService"/> (section <c>Warmup</c>). Call it last: it runs once everything else has started.</summary>
    public static IHostApplicationBuilder AddWarmup(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<WarmupOptions>().BindConfiguration(WarmupOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<WarmupService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WarmupService>());
        builder.Services.AddHealthChecks().AddCheck<WarmupHealthCheck>("warmup", tags: [StorageHostingExtensions.ReadyTag]);
        return builder;
    }
}
