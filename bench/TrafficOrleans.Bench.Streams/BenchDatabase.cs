using Npgsql;

namespace TrafficOrleans.Bench.Streams;

/// <summary>A throw-away database on the dev PostgreSQL, dropped when the bench ends (no bench rows left behind).</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _server;

    private BenchDatabase(string server, string name)
    {
        _server = server;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        Name = name;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public static async Task<BenchDatabase> CreateAsync(string server)
    {
        var database = new BenchDatabase(server, $"traffic_bench_{Guid.NewGuid():N}"[..24]);
        await ExecuteAsync(server, $"CREATE DATABASE {database.Name}");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_server, $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
