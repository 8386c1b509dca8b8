using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TrafficOrleans.GrainInterfaces.Messages.Validation;
using Npgsql;
using TrafficOrleans.Ingest.DualWrite;
using TrafficOrleans.Ingest.Here;
using TrafficOrleans.Outbox;
using TrafficOrleans.Outbox.Hosting;
using TrafficOrleans.Ingest.Preprocessing;
using TrafficOrleans.Ingest.Replay;
using TrafficOrleans.Ingest.Scheduling;
using TrafficOrleans.Ingest.Simulation;
using TrafficOrleans.Storage.Hosting;
using TrafficOrleans.Storage.Postgres;
using TrafficOrleans.GrainInterfaces.Time;
using TrafficOrleans.Kafka;
using TrafficOrleans.Kafka.Hosting;
using TrafficOrleans.Kafka.Health;

namespace TrafficOrleans.Ingest.Hosting;

/// <summary>Host composition of the ingestion sources.</summary>
public static class IngestHostingExtensions
{
    /// <summary>
    /// The whole ingestion in a host: the outbox relay it writes through (<c>AddTrafficOutbox</c>: its hosted services
    /// run when <c>Outbox:Enabled</c>, even when ingestion is off, for the other writers of the outbox),
    /// <see cref="AddTrafficIngestionPipeline"/> and the <see cref="IngestionService"/> scheduler when
    /// <c>Ingest:Enabled</c> (default true). Hosted services stop in reverse order, so ingestion stops before the
    /// relay finishes its last batch.
    /// </summary>
    public static IHostApplicationBuilder AddTrafficIngestion(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddTrafficOutbox();
        builder.AddTrafficIngestionPipeline();

        if (builder.Configuration.GetValue($"{IngestOptions.SectionName}:{nameof(IngestOptions.Enabled)}", true))
        {
            // One poller per cluster (lease "ingestion" in the Cluster profile): N silos polling would cost N times the
            // HERE quota and dead-letter every rejected reading N times.
            builder.Services.TryAddSingleton<IngestionService>();
            builder.Services.AddLeaderOnlyHostedService(builder.Configuration, "ingestion", sp => sp.GetRequiredService<IngestionService>());
            // Readings are stamped by this source's clock, so it is the host's traffic clock (registered last, it wins
            // over the components' wall-clock fallbacks).
            builder.Services.AddKeyedSingleton<TimeProvider>(TrafficClock.Key, static (sp, _) => sp.GetRequiredService<ITrafficSource>().Clock);
        }

        return builder;
    }

    /// <summary>
    /// Sources, dual write, outbox relay and runner without anything running in the background (the CLI's
    /// one-shot commands drive them). PostgreSQL comes from <c>ConnectionStrings:Postgres</c> unless a
    /// <see cref="NpgsqlDataSource"/> is already registered (the silo's storage); Kafka from the <c>Kafka</c> section.
    /// </summary>
    public static IHostApplicationBuilder AddTrafficIngestionPipeline(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddTrafficSources();
        var services = builder.Services;
        var configuration = builder.Configuration;
        services.TryAddSingleton(_ => new NpgsqlDataSourceBuilder(StorageConnectionStrings.Postgres(configuration)).Build());
        services.AddOutboxRelay();
        services.TryAddSingleton<TrafficBatchWriter>();
        services.TryAddSingleton<IngestionRunner>();
        services.TryAddSingleton<TrafficBackfill>();
        return builder;
    }

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
        services.AddMessageLimits();
        services.TryAddSingleton<ReadingPreprocessor>();
        services.TryAddSingleton<HereTrafficSource>();
        services.TryAddSingleton(CreateSimulator);
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

    private static SimulatorTrafficSource CreateSimulator(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<SimulatorOptions>>().Value;
        var realClock = services.GetRequiredService<TimeProvider>();
        var start = options.ContinueHistory && options.StartAt is null
            ? SimulatorStart.AfterHistory(new HistoryExtent(services.GetRequiredService<NpgsqlDataSource>()).Latest(), realClock.GetUtcNow(),
                services.GetRequiredService<IOptions<IngestOptions>>().Value.Interval)
            : null;
        if (start is not null)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IngestHostingExtensions).FullName!)
                .LogInformation("Simulator continues the stored history at {Start:O}", start);
        }

        return SimulatorTrafficSource.Create(options, services.GetRequiredService<ReadingPreprocessor>(), realClock, start);
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
