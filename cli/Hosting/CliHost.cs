using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TrafficOrleans.Storage.Postgres;

namespace TrafficOrleans.Cli.Hosting;

/// <summary>
/// A generic host per command: appsettings.json next to the program, then environment variables (the silo's keys),
/// then the command's own options; console logging on stderr so stdout stays for results.
/// </summary>
public static class CliHost
{
    /// <summary>Creates the builder; <paramref name="overrides"/> are the command-line options as configuration keys.</summary>
    public static HostApplicationBuilder CreateBuilder(IReadOnlyDictionary<string, string?> overrides)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss ";
        });
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        return builder;
    }

    /// <summary>Builds the host and brings the database schema up to date (idempotent, safe next to running silos).</summary>
    public static async Task<IHost> BuildAsync(HostApplicationBuilder builder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<DatabaseMigrator>();
        var host = builder.Build();
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        return host;
    }
}
