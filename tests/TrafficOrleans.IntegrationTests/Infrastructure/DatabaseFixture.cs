using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using StackExchange.Redis;
using TrafficOrleans.Storage.Postgres;

namespace TrafficOrleans.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh PostgreSQL database per test run, migrated by the product's own migrator (so the migrations
/// themselves are exercised from scratch every time), dropped afterwards; plus a Redis connection.
/// </summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    private readonly string _databaseName = $"traffic_it_{Guid.NewGuid():N}"[..24];

    /// <summary>Connection string of this run's database.</summary>
    public string Postgres { get; private set; } = "";

    /// <summary>Redis configuration string.</summary>
    public static string Redis => TestServers.Redis;

    /// <summary>Shared Redis connection for assertions.</summary>
    public IConnectionMultiplexer RedisConnection { get; private set; } = null!;

    /// <summary>Data source on this run's database.</summary>
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    /// <summary>Configuration entries that point a host or silo at these servers.</summary>
    public Dictionary<string, string?> Settings(string serviceId) => new()
    {
        ["ConnectionStrings:Postgres"] = Postgres,
        ["ConnectionStrings:Redis"] = Redis,
        ["Orleans:ServiceId"] = serviceId,
        ["Orleans:ClusterId"] = serviceId,
    };

    public async Task InitializeAsync()
    {
        try
        {
            await using var admin = new NpgsqlConnection(TestServers.Postgres);
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_databaseName}", admin);
            await create.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException ex)
        {
            throw new InvalidOperationException(TestServers.Unreachable("PostgreSQL", TestServers.PostgresEndpoint, ex), ex);
        }

        Postgres = new NpgsqlConnectionStringBuilder(TestServers.Postgres) { Database = _databaseName }.ConnectionString;
        DataSource = NpgsqlDataSource.Create(Postgres);
        await new DatabaseMigrator(DataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();

        try
        {
            RedisConnection = await ConnectionMultiplexer.ConnectAsync(Redis);
        }
        catch (RedisConnectionException ex)
        {
            throw new InvalidOperationException(TestServers.Unreachable("Redis", Redis, ex), ex);
        }
    }

    public async Task DisposeAsync()
    {
        RedisConnection?.Dispose();
        if (DataSource is not null) await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestServers.Postgres);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_databaseName} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>Runs a scalar query on this run's database.</summary>
    public async Task<T?> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var parameter in parameters) command.Parameters.AddWithValue(parameter);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
