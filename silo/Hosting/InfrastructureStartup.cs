using TrafficOrleans.Storage.Hosting;
using TrafficOrleans.Storage.Postgres;

namespace TrafficOrleans.Silo.Hosting;

/// <summary>Before the silo starts: check the servers answer and bring the schema up to date.</summary>
public static class InfrastructureStartup
{
    /// <summary>Runs the checks and migrations; throws <see cref="InfrastructureUnavailableException"/> with one clear line.</summary>
    public static async Task PrepareInfrastructureAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        await InfrastructureCheck.EnsureReachableAsync(app.Services, cancellationToken);
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
    }
}
