using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using StackExchange.Redis;
using TrafficOrleans.Storage.Postgres;
using TrafficOrleans.GrainInterfaces.Routes;
using TrafficOrleans.Storage.Redis;
using TrafficOrleans.GrainInterfaces.Time;

namespace TrafficOrleans.Storage.Hosting;

/// <summary>Registers PostgreSQL (Npgsql data source, migrations) and Redis (multiplexer, road cache).</summary>
public static class StorageHostingExtensions
{
    /// <summary>Health-check tag of checks that gate readiness.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Adds the product's storage: <c>ConnectionStrings:Postgres</c> and <c>ConnectionStrings:Redis</c>.</summary>
    public static IHostApplicationBuilder AddTrafficStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddTrafficStorage(builder.Configuration);
        return builder;
    }

    /// <summary>Adds the product's storage to a service collection (also used by Orleans test silos).</summary>
    public static IServiceCollection AddTrafficStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var postgres = StorageConnectionStrings.Postgres(configuration);
        var redis = StorageConnectionStrings.Redis(configuration);

        services.AddSingleton(_ =>
        {
            var builder = new NpgsqlDataSourceBuilder(postgres);
            // Thousands of grains activating at once must queue for connections rather than exhaust the
            // server's max_connections (shared with Orleans' own ADO.NET pool and other silos).
            if (!postgres.Contains("Pool Size", StringComparison.OrdinalIgnoreCase)) builder.ConnectionStringBuilder.MaxPoolSize = 40;
            return builder.Build();
        });
        services.AddOptions<RedisCacheOptions>()
            .Bind(configuration.GetSection(RedisCacheOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddTrafficClockFallback();
        services.AddSingleton<IConnectionMultiplexer>(sp => ConnectionMultiplexer.Connect(RedisConfiguration(redis, sp.GetRequiredService<IOptions<RedisCacheOptions>>().Value)));
        services.AddSingleton<RedisCircuitBreaker>();
        services.AddSingleton<ResilientRedis>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<RoadCache>();
        services.AddSingleton<IRecentRoutes, RedisRecentRoutes>();
        services.AddSingleton<RoadOutcomeStore>();
        services.AddSingleton<TrafficHistory>();
        services.AddSingleton<LatestReadings>();
        services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgres", tags: [ReadyTag])
            .AddCheck<RedisHealthCheck>("redis", tags: [ReadyTag]);
        return services;
    }

    private static ConfigurationOptions RedisConfiguration(string connectionString, RedisCacheOptions cache)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        // Keep retrying in the background instead of failing the host when Redis restarts.
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = (int)cache.ConnectTimeout.TotalMilliseconds;
        options.SyncTimeout = (int)cache.SyncTimeout.TotalMilliseconds;
        options.AsyncTimeout = (int)cache.AsyncTimeout.TotalMilliseconds;
        // While disconnected, fail at once instead of queueing commands until their timeout: the breaker and the
        // PostgreSQL fallbacks answer instead.
        options.BacklogPolicy = BacklogPolicy.FailFast;
        return options;
    }
}
