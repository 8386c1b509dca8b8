using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TrafficOrleans.Storage.Leadership;

namespace TrafficOrleans.Storage.Hosting;

/// <summary>Registers background services that must run once per cluster rather than once per silo.</summary>
public static class LeadershipHostingExtensions
{
    /// <summary>The silo's profile setting; <c>Cluster</c> means several silos share this database.</summary>
    public const string ProfileKey = "Orleans:Profile";

    /// <summary>The cluster's service id, part of every lease name so two services may share a database.</summary>
    public const string ServiceIdKey = "Orleans:ServiceId";

    /// <summary>True when several silos of one service may run against this configuration's database.</summary>
    public static bool IsClustered(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return string.Equals(configuration[ProfileKey], "Cluster", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Adds the hosted service <paramref name="factory"/> builds so that, in the <c>Cluster</c> profile, only the silo
    /// holding the PostgreSQL lease <c>{Orleans:ServiceId}/{role}</c> runs it (<see cref="LeaderOnlyHostedService"/>);
    /// in any other host (one silo, the CLI) it simply runs.
    /// </summary>
    public static IServiceCollection AddLeaderOnlyHostedService<T>(
        this IServiceCollection services, IConfiguration configuration, string role, Func<IServiceProvider, T> factory)
        where T : class, IHostedService
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(factory);
        if (!IsClustered(configuration))
        {
            return services.AddHostedService(factory);
        }

        var name = $"{configuration[ServiceIdKey] ?? "traffic-orleans"}/{role}";
        var postgres = StorageConnectionStrings.Postgres(configuration);
        return services.AddSingleton<IHostedService>(sp => new LeaderOnlyHostedService(
            factory(sp),
            new PostgresLeaderLease(postgres, name, sp.GetRequiredService<ILogger<PostgresLeaderLease>>()),
            sp.GetRequiredService<ILogger<LeaderOnlyHostedService>>()));
    }
}
