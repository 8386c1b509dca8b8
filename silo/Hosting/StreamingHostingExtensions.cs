using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Hosting;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.GrainInterfaces.Messages.Validation;
using TrafficOrleans.Grains.Roads;
using TrafficOrleans.Kafka.Providers;
using TrafficOrleans.GrainInterfaces.Streams;
using TrafficOrleans.Kafka;
using TrafficOrleans.Kafka.Hosting;
using TrafficOrleans.KafkaBroker;
using TrafficOrleans.Storage.Hosting;

namespace TrafficOrleans.Silo.Hosting;

/// <summary>The product's Kafka-backed Orleans streams and, for local runs, the embedded development broker.</summary>
public static class StreamingHostingExtensions
{
    /// <summary>
    /// Adds the "kafka" stream provider with the product's topics: <c>traffic-raw</c> is pulled into RoadGrains
    /// (group ml-prediction-group); the other topics are produced from Orleans and read by plain consumer groups.
    /// </summary>
    public static ISiloBuilder AddTrafficStreams(this ISiloBuilder silo, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(silo);
        var settings = configuration.GetSection(KafkaSettings.SectionName).Get<KafkaSettings>() ?? new KafkaSettings();
        var postgres = StorageConnectionStrings.Postgres(configuration);
        silo.AddKafkaStreams(TrafficTopics.StreamProvider, options => Configure(options, settings));
        AddMessageChecks(silo.Services, configuration);
        // Explicit subscriptions (dashboards, tools) keep their pub-sub state with the rest of the grain state.
        silo.AddAdoNetGrainStorage("PubSubStore", o =>
        {
            o.Invariant = OrleansHostingExtensions.PostgresInvariant;
            o.ConnectionString = postgres;
        });
        return silo;
    }

    /// <summary>Starts the embedded development broker when <c>Kafka:EmbeddedBroker:Enabled</c>; it stops when the host is disposed.</summary>
    public static async Task StartEmbeddedKafkaAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var settings = app.Configuration.GetSection(KafkaSettings.SectionName).Get<KafkaSettings>() ?? new KafkaSettings();
        if (!settings.EmbeddedBroker.Enabled) return;

        var broker = new KafkaBroker.KafkaBroker(new KafkaBrokerOptions
        {
            Port = settings.EmbeddedBroker.Port,
            DataDirectory = string.IsNullOrWhiteSpace(settings.EmbeddedBroker.DataDirectory) ? null : Path.GetFullPath(settings.EmbeddedBroker.DataDirectory),
            DefaultPartitions = settings.Partitions,
        }, app.Services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance);
        try
        {
            await broker.StartAsync();
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            await broker.DisposeAsync();
            throw new InfrastructureUnavailableException(
                $"The embedded Kafka broker cannot listen on 127.0.0.1:{settings.EmbeddedBroker.Port} ({ex.Message}) — stop what uses the port or set Kafka:EmbeddedBroker:Port", ex);
        }

        // Disposed after the silo stopped (hosted services stop first), so final offset commits still reach it.
        app.Lifetime.ApplicationStopped.Register(() => broker.DisposeAsync().AsTask().GetAwaiter().GetResult());
    }

    /// <summary>
    /// What keeps bad messages away from the grains and out of the pipeline: the value rules applied by the stream
    /// decoder, the dead-letter port of the road grains and the outage-or-bad-data classifier.
    /// </summary>
    private static void AddMessageChecks(IServiceCollection services, IConfiguration configuration)
    {
        services.AddMessageLimits();
        // This silo's own simulator or replay may run its clock ahead of real time: its readings are not "in the future".
        if (IngestClockRunsAhead(configuration)) services.PostConfigure<MessageLimits>(limits => limits.MaxAheadOfNow = null);
        services.AddSingleton<IKafkaEventValidator, TrafficEventValidator>();
        services.AddSingleton<IRejectedReadings, KafkaRejectedReadings>();
        services.AddSingleton<ITransientFailures, TransientFailureClassifier>();
    }

    private static bool IngestClockRunsAhead(IConfiguration configuration)
    {
        if (!configuration.GetValue("Ingest:Enabled", true)) return false;
        var source = configuration["Ingest:Source"] ?? "Auto";
        if (source.Equals("Replay", StringComparison.OrdinalIgnoreCase)) return true;
        return configuration.GetValue("Ingest:Simulator:SpeedUp", 1.0) > 1 || configuration["Ingest:Simulator:StartAt"] is not null;
    }

    private static void Configure(KafkaStreamOptions options, KafkaSettings settings)
    {
        options.BootstrapServers = settings.BootstrapServers;
        options.ClientConfig = new Dictionary<string, string>(settings.ClientConfig, StringComparer.Ordinal);
        // Strict: a field left out of a message is a rejection, not a silent 0 km/h or all-zero id.
        options.JsonSerializerOptions = TrafficJson.Strict;
        options.DeadLetterTopic = TrafficTopics.DeadLetters;
        options.Topics =
        [
            Topic(TrafficTopics.RawReadings, settings, TimeSpan.FromDays(7), TrafficTopics.PredictionGroup, typeof(TrafficReading)),
            Topic(TrafficTopics.Predictions, settings, TimeSpan.FromHours(24)),
            Topic(TrafficTopics.RouteUpdates, settings, TimeSpan.FromHours(1)),
            Topic(TrafficTopics.Notifications, settings, TimeSpan.FromHours(1)),
        ];
    }

    private static KafkaTopicOptions Topic(string name, KafkaSettings settings, TimeSpan retention, string? consumerGroup = null, Type? eventType = null) => new()
    {
        Name = name,
        Partitions = settings.Partitions,
        ReplicationFactor = settings.ReplicationFactor,
        Retention = retention,
        Consume = consumerGroup is not null,
        ConsumerGroup = consumerGroup ?? "",
        EventType = eventType,
    };
}
