using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TrafficOrleans.GrainInterfaces.Messages.Validation;
using TrafficOrleans.Grains.Routing;
using TrafficOrleans.Silo.Routing;
using TrafficOrleans.Roads;
using TrafficOrleans.Roads.Synthetic;
using TrafficOrleans.Routing;
using TrafficOrleans.Routing.Sources;
using TrafficOrleans.Kafka;
using TrafficOrleans.Storage.Redis;
using TrafficOrleans.Kafka.Hosting;
using TrafficOrleans.Kafka.Health;
using TrafficOrleans.Kafka.Topics;
using Microsoft.Extensions.Options;
using TrafficOrleans.Notifications.Rules;
using TrafficOrleans.GrainInterfaces.Time;

namespace TrafficOrleans.Silo.Hosting;

/// <summary>
/// Live routing on every silo: the road graph built once at start-up from the configured map, the silo's replica
/// of the routing grain's weights (kept current by <see cref="RoutingSnapshotSync"/>), the route query handler
/// with its Redis cache, and the route-graph Kafka consumer.
/// </summary>
public static partial class RoutingHostingExtensions
{
    /// <summary>Adds live routing (sections <c>Routing</c> and <c>Kafka</c>).</summary>
    public static IHostApplicationBuilder AddTrafficRouting(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddTrafficRouting(builder.Configuration);
        return builder;
    }

    /// <summary>Adds live routing to a service collection (also used by Orleans test silos).</summary>
    public static IServiceCollection AddTrafficRouting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RoutingOptions>().BindConfiguration(RoutingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddKafkaProducer();
        services.TryAddSingleton(TimeProvider.System);
        services.AddTrafficClockFallback();
        services.AddSingleton(sp => BuildNetwork(configuration, sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RoutingHostingExtensions).FullName!)));
        services.AddSingleton<IKnownRoads, AtlasKnownRoads>();
        services.AddSingleton(_ => new RoadAtlas(RoadMapLoader.Load(SelectMap(configuration))));
        services.AddSingleton<IRoadDirectory>(sp => RoadMapDirectory.From(sp.GetRequiredService<RoadAtlas>()));
        services.AddSingleton<RoutingSnapshotReplica>();
        services.AddSingleton<RoutingMetrics>();
        services.TryAddSingleton<PipelineHealth>();
        services.AddSingleton<IRouteUpdates, KafkaRouteUpdates>();
        services.AddSingleton<IRouteGraphSnapshots, RedisRouteGraphSnapshots>();
        services.AddSingleton<RouteCache>();
        services.AddSingleton<RouteQueryHandler>();
        services.AddSingleton<IRouteQueries>(sp => sp.GetRequiredService<RouteQueryHandler>());
        services.AddHostedService<RoutingSnapshotSync>();
        services.AddHostedService<RouteGraphConsumer>();
        // Watched even where Routing:ConsumerEnabled is false: the group's lag is the cluster's, whichever silos read.
        services.AddConsumerGroupWatch(sp => (
            sp.GetRequiredService<IOptions<RoutingOptions>>().Value.ConsumerGroup, sp.GetRequiredService<IOptions<KafkaTopicsOptions>>().Value.Predictions));
        return services;
    }

    private static RoadMapSelection SelectMap(IConfiguration configuration) => RoadMapLoader.Select(
        configuration.GetSection(RoutingMapOptions.SectionName).Get<RoutingMapOptions>() ?? new RoutingMapOptions(),
        configuration["Ingest:Simulator:RoadNetworkPath"],
        configuration.GetSection("Ingest:Simulator:City").Get<SyntheticCityOptions>());

    private static RoutingNetwork BuildNetwork(IConfiguration configuration, ILogger logger)
    {
        var map = SelectMap(configuration);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var network = RoadMapLoader.Build(map);
        LogNetworkBuilt(logger, map.ToString(), network.Graph.NodeCount, network.Graph.EdgeCount, network.RoutableNodeCount,
            System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return network;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Routing graph from {Map}: {Nodes} nodes, {Edges} edges, {Routable} routable nodes, built in {Milliseconds:0} ms")]
    private static partial void LogNetworkBuilt(ILogger logger, string map, int nodes, int edges, int routable, double milliseconds);
}
