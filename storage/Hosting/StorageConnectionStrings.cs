using Microsoft.Extensions.Configuration;
using Npgsql;

namespace TrafficOrleans.Storage.Hosting;

/// <summary>Reads and checks the <c>ConnectionStrings:Postgres</c> and <c>ConnectionStrings:Redis</c> settings.</summary>
public static class StorageConnectionStrings
{
    /// <summary>Configuration key of the PostgreSQL connection string.</summary>
    public const string PostgresName = "Postgres";

    /// <summary>Configuration key of the Redis configuration string.</summary>
    public const string RedisName = "Redis";

    /// <summary>How to start the development servers; part of every start-up error.</summary>
    public const string StartHint = "run ./scripts/services.sh up";

    /// <summary>The PostgreSQL connection string, or a clear error naming the missing key.</summary>
    public static string Postgres(IConfiguration configuration)
    {
        var value = configuration.GetConnectionString(PostgresName);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InfrastructureUnavailableException(
                $"ConnectionStrings:{PostgresName} is not set (environment: ConnectionStrings__{PostgresName}) — {StartHint} and use the README's settings.");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(value);
        }
        catch (ArgumentException ex)
        {
            throw new InfrastructureUnavailableException($"ConnectionStrings:{PostgresName} is not a valid PostgreSQL connection string: {ex.Message}", ex);
        }

        return value;
    }

    /// <summary>The Redis configuration string, or a clear error naming the missing key.</summary>
    public static string Redis(IConfiguration configuration)
    {
        var value = configuration.GetConnectionString(RedisName);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InfrastructureUnavailableException(
                $"ConnectionStrings:{RedisName} is not set (environment: ConnectionStrings__{RedisName}) — {StartHint} and use the README's settings.");
        }

        return value;
    }

    /// <summary>"host:port" of a PostgreSQL connection string, for messages (never the password).</summary>
    public static string PostgresEndpoint(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}";
    }
}
