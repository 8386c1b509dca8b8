using Orleans.Hosting;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.GrainInterfaces.Messages.Json;
using TrafficOrleans.GrainInterfaces.Messages.Validation;
using TrafficOrleans.Grains.Roads;
using TrafficOrleans.Kafka.Providers;
using TrafficOrleans.GrainInterfaces.Streams;
using TrafficOrleans.Kafka;
using TrafficOrleans.Kafka.Hosting;
using TrafficOrleans.Kafka.Producing;
using TrafficOrleans.Kafka.Topics;
using TrafficOrleans.Storage.Hosting;
using TrafficOrleans.Storage.Postgres;

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
        var topics = configuration.GetSection(KafkaTopicsOptions.SectionName).Get<KafkaTopicsOptions>() ?? new KafkaTopicsOptions();
        var postgres = StorageConnectionStrings.Postgres(configuration);
        silo.AddKafkaStreams(TrafficTopics.StreamProvider, options => Configure(options, settings, topics));
        silo.Services.AddKafkaClientSettings();
        silo.Services.AddSingleton(PredictionMessagesOf(topics));
        silo.Services.AddConsumerGroupWatch(_ => (TrafficTopics.PredictionGroup, topics.RawReadings));
        AddMessageChecks(silo.Services, configuration);
        // Explicit subscriptions (dashboards, tools) keep their pub-sub state with the rest of the grain state.
        silo.AddAdoNetGrainStorage("PubSubStore", o =>
        {
            o.Invariant = OrleansHostingExtensions.PostgresInvariant;
            o.ConnectionString = postgres;
        });
        return silo;
    }

    /// <summary>
    /// Registers the embedded development broker when <c>Kafka:EmbeddedBroker:Enabled</c>. Call it before any other
    /// component that registers hosted services (before <c>UseOrleans</c>): the broker must start first and stop last.
    /// </summary>
    public static IHostApplicationBuilder AddEmbeddedKafkaBroker(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = builder.Configuration.GetSection(KafkaSettings.SectionName).Get<KafkaSettings>() ?? new KafkaSettings();
        if (!settings.EmbeddedBroker.Enabled) return builder;
        builder.Services.AddHostedService(sp => ActivatorUtilities.CreateInstance<EmbeddedKafkaBrokerService>(sp, settings));
        return builder;
    }

    /// <summary>
    /// Starts the registered embedded broker now, before the host starts, so a port in use stops the silo with the one
    /// line of <see cref="InfrastructureUnavailableException"/> rather than the host's start-up failure log; the host's
    /// own start then finds it running, and its stop still comes last.
    /// </summary>
    public static async Task StartEmbeddedKafkaAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        foreach (var broker in app.Services.GetServices<IHostedService>().OfType<EmbeddedKafkaBrokerService>())
        {
            await broker.StartAsync(app.Lifetime.ApplicationStopping);
        }
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

    /// <summary>
    /// Road grains publish predictions through the outbox, in the transaction of their rows, not through this stream
    /// provider (which would produce before the commit): the outbox rows carry exactly what the provider would produce —
    /// its headers and its JSON — so consumers cannot tell the two apart.
    /// </summary>
    private static PredictionMessages PredictionMessagesOf(KafkaTopicsOptions topics) => new(
        topics.Predictions,
        new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [KafkaHeaderNames.EventType] = KafkaHeaderNames.EventTypeName(typeof(RoadPrediction)),
            [KafkaHeaderNames.StreamNamespace] = TrafficTopics.Predictions,
        },
        TrafficJson.Strict);

    private static bool IngestClockRunsAhead(IConfiguration configuration)
    {
        if (!configuration.GetValue("Ingest:Enabled", true)) return false;
        var source = configuration["Ingest:Source"] ?? "Auto";
        if (source.Equals("Replay", StringComparison.OrdinalIgnoreCase)) return true;
        return configuration.GetValue("Ingest:Simulator:SpeedUp", 1.0) > 1 || configuration["Ingest:Simulator:StartAt"] is not null
            || configuration.GetValue("Ingest:Simulator:ContinueHistory", false);
    }

    private static void Configure(KafkaStreamOptions options, KafkaSettings settings, KafkaTopicsOptions topics)
    {
        options.BootstrapServers = settings.BootstrapServers;
        options.ClientConfig = new Dictionary<string, string>(settings.ClientConfig, StringComparer.Ordinal);
        options.CreateTopics = settings.CreateTopics;
        options.PollInterval = settings.StreamPollInterval;
        // Strict: a field left out of a message is a rejection, not a silent 0 km/h or all-zero id.
        options.JsonSerializerOptions = TrafficJson.Strict;
        options.ValueReaders = new() { [typeof(TrafficReading)] = value => TrafficReadingJsonReader.Instance.TryRead(value) };
        options.DeadLetterTopic = topics.DeadLetters;
        // Grains address streams by namespace (a compile-time constant); the catalogue names the topic carrying it.
        options.Topics =
        [
            Topic(topics.RawReadings, TrafficTopics.RawReadings, settings, TimeSpan.FromDays(7), TrafficTopics.PredictionGroup, typeof(TrafficReading)),
            Topic(topics.Predictions, TrafficTopics.Predictions, settings, TimeSpan.FromHours(24)),
            Topic(topics.RouteUpdates, TrafficTopics.RouteUpdates, settings, TimeSpan.FromHours(1)),
            Topic(topics.Notifications, TrafficTopics.Notifications, settings, TimeSpan.FromHours(1)),
        ];
    }

    private static KafkaTopicOptions Topic(string name, string streamNamespace, KafkaSettings settings, TimeSpan retention, string? consumerGroup = null, Type? eventType = null) => new()
    {
        Name = name,
        StreamNamespace = streamNamespace,
        Partitions = settings.Partitions,
        ReplicationFactor = settings.ReplicationFactor,
        Retention = retention,
        Consume = consumerGroup is not null,
        ConsumerGroup = consumerGroup ?? "",
        EventType = eventType,
    };
}
