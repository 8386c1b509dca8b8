using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using StackExchange.Redis;
using TrafficOrleans.KafkaBroker;
using TrafficOrleans.Storage.Postgres;

namespace TrafficOrleans.IntegrationTests.Infrastructure;

/// <summary>
/// The real servers of a test run: a fresh PostgreSQL database, migrated by the product's own migrator
/// (so the migrations themselves are exercised from scratch every time) and dropped afterwards; a Redis
/// connection; and the project's Kafka-wire-compatible broker, in memory on a free port.
/// </summary>
public sealed class ServersFixture : IAsyncLifetime
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

    /// <summary>Partitions of the product topics in tests.</summary>
    public const int KafkaPartitions = 4;

    /// <summary>The run's Kafka-protocol broker.</summary>
    public KafkaBroker.KafkaBroker Broker { get; private set; } = null!;

    /// <summary>Configuration entries that point a host or silo at these servers.</summary>
    public Dictionary<string, string?> Settings(string serviceId, KafkaBroker.KafkaBroker? broker = null) => new()
    {
        ["ConnectionStrings:Postgres"] = Postgres,
        ["ConnectionStrings:Redis"] = Redis,
        ["Orleans:ServiceId"] = serviceId,
        ["Orleans:ClusterId"] = serviceId,
        ["Kafka:BootstrapServers"] = (broker ?? Broker).BootstrapServers,
        ["Kafka:Partitions"] = KafkaPartitions.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Kafka:EmbeddedBroker:Enabled"] = "false",
        // Hosts under test get their input from the test, not from the 5-minute simulator poll.
        ["Ingest:Enabled"] = "false",
    };

    /// <summary>A broker of the test's own (in memory), for tests that must not see other tests' topics and groups.</summary>
    public static async Task<KafkaBroker.KafkaBroker> StartPrivateBrokerAsync()
    {
        var broker = new KafkaBroker.KafkaBroker(new KafkaBrokerOptions { Port = 0, InitialRebalanceDelay = TimeSpan.Zero, DefaultPartitions = KafkaPartitions });
        await broker.StartAsync();
        return broker;
    }

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

        Broker = await StartPrivateBrokerAsync();

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
        if (Broker is not null) await Broker.DisposeAsync();
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
