using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TrafficOrleans.Storage.Postgres;

namespace TrafficOrleans.Ingest.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh PostgreSQL database per test run (the IntegrationTests fixture's pattern), migrated by the product's
/// migrator and dropped afterwards. The server is the one ./scripts/services.sh runs; override with ConnectionStrings__Postgres.
/// </summary>
public sealed class ServersFixture : IAsyncLifetime
{
    private readonly string _databaseName = $"traffic_ingest_{Guid.NewGuid():N}"[..28];

    /// <summary>Base connection string (its database only serves to create this run's).</summary>
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")
        ?? "Host=localhost;Port=55432;Database=traffic;Username=traffic;Password=traffic";

    /// <summary>Connection string of this run's database.</summary>
    public string Postgres { get; private set; } = "";

    /// <summary>Data source on this run's database.</summary>
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        try
        {
            await using var admin = new NpgsqlConnection(ServerConnectionString);
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {_databaseName}", admin);
            await create.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException ex)
        {
            throw new InvalidOperationException($"PostgreSQL is not reachable ({ex.Message}) — start it with ./scripts/services.sh up.", ex);
        }

        Postgres = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _databaseName }.ConnectionString;
        DataSource = NpgsqlDataSource.Create(Postgres);
        await new DatabaseMigrator(DataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        if (DataSource is not null) await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(ServerConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_databaseName} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Empties the tables ingestion writes, so each test starts clean. Outbox ids keep counting, as in production: a
    /// relay recognises its messages in the log by row id (<c>outbox-id</c>), so ids are never reused.
    /// </summary>
    public async Task ResetAsync()
    {
        await using var command = DataSource.CreateCommand("TRUNCATE traffic_data, outbox, outbox_positions");
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs a scalar query.</summary>
    public async Task<long> CountAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
