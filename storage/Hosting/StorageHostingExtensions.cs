using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using StackExchange.Redis;
using TrafficOrleans.Storage.Postgres;
using TrafficOrleans.Storage.Redis;

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
        services.AddSingleton<IConnectionMultiplexer>(_ =>
        {
            var options = ConfigurationOptions.Parse(redis);
            // Keep retrying in the background instead of failing the host when Redis restarts.
            options.AbortOnConnectFail = false;
            options.ConnectTimeout = 3000;
            return ConnectionMultiplexer.Connect(options);
        });
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<RoadCache>();
        services.AddSingleton<RoadOutcomeStore>();
        services.AddSingleton<TrafficHistory>();
        services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgres", tags: [ReadyTag])
            .AddCheck<RedisHealthCheck>("redis", tags: [ReadyTag]);
        return services;
    }
}
