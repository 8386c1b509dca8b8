using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrafficOrleans.Ingest.Here;
using TrafficOrleans.Ingest.Preprocessing;
using TrafficOrleans.Ingest.Replay;
using TrafficOrleans.Ingest.Simulation;

namespace TrafficOrleans.Ingest;

/// <summary>Host composition of the ingestion sources.</summary>
public static class IngestHostingExtensions
{
    /// <summary>
    /// Binds and validates (at start-up) the <c>Ingest</c> options, registers the preprocessor, metrics, the
    /// HERE client, and the <see cref="ITrafficSource"/> chosen by <c>Ingest:Source</c> (Auto: HERE when an
    /// API key is configured, else the simulator).
    /// </summary>
    public static IHostApplicationBuilder AddTrafficSources(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SimulatorOptions>().BindConfiguration(SimulatorOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReplayOptions>().BindConfiguration(ReplayOptions.SectionName).ValidateDataAnnotations()
            .Validate<IOptions<IngestOptions>>(
                (replay, ingest) => ingest.Value.Source != TrafficSourceKind.Replay || !string.IsNullOrWhiteSpace(replay.Path),
                "Ingest:Replay:Path is required when Ingest:Source is Replay.")
            .ValidateOnStart();
        services.AddHereTrafficClient();
        services.AddOptions<HereOptions>()
            .Validate<IOptions<IngestOptions>>(
                (here, ingest) => ingest.Value.Source != TrafficSourceKind.Here || !string.IsNullOrWhiteSpace(here.ApiKey),
                "Ingest:Here:ApiKey is required when Ingest:Source is Here.");

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ReadingPreprocessor>();
        services.TryAddSingleton<HereTrafficSource>();
        services.TryAddSingleton(sp => SimulatorTrafficSource.Create(
            sp.GetRequiredService<IOptions<SimulatorOptions>>().Value, sp.GetRequiredService<ReadingPreprocessor>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => ReplayTrafficSource.Open(
            sp.GetRequiredService<IOptions<ReplayOptions>>().Value, sp.GetRequiredService<ReadingPreprocessor>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ITrafficSource>(ChooseSource);
        return builder;
    }

    /// <summary>The kind <see cref="TrafficSourceKind.Auto"/> resolves to.</summary>
    public static TrafficSourceKind Resolve(TrafficSourceKind configured, HereOptions here)
    {
        ArgumentNullException.ThrowIfNull(here);
        if (configured != TrafficSourceKind.Auto) return configured;
        return string.IsNullOrWhiteSpace(here.ApiKey) ? TrafficSourceKind.Simulator : TrafficSourceKind.Here;
    }

    private static ITrafficSource ChooseSource(IServiceProvider services)
    {
        var kind = Resolve(services.GetRequiredService<IOptions<IngestOptions>>().Value.Source, services.GetRequiredService<IOptions<HereOptions>>().Value);
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IngestHostingExtensions).FullName!)
            .LogInformation("Traffic source: {Source}", kind);
        return kind switch
        {
            TrafficSourceKind.Here => services.GetRequiredService<HereTrafficSource>(),
            TrafficSourceKind.Replay => services.GetRequiredService<ReplayTrafficSource>(),
            _ => services.GetRequiredService<SimulatorTrafficSource>(),
        };
    }
}
