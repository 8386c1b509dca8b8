using System.Globalization;
using Npgsql;
using TrafficOrleans.IntegrationTests.Infrastructure;

namespace TrafficOrleans.Cluster.IntegrationTests;

/// <summary>
/// Silo processes in the <c>Cluster</c> profile sharing PostgreSQL membership, Redis and a standalone broker (the
/// run's, in this test process: a silo crash is not a broker crash), on the 9×9 synthetic city with a 5-minute tick
/// every 2 s on a clock every silo shares — what <c>scripts/cluster.sh</c> starts, small enough for CI.
/// </summary>
public sealed class ProcessCluster : IAsyncLifetime
{
    /// <summary>How long a silo, a lease or a pipeline step may take on a loaded 2-core CI machine.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    private readonly List<SiloProcess> _silos = [];
    private readonly DateTimeOffset _clockStart = DateTimeOffset.UtcNow;

    public ServersFixture Servers { get; } = new();

    public string ServiceId { get; } = $"cluster-{Guid.NewGuid():N}"[..20];

    public IReadOnlyList<SiloProcess> Silos => _silos;

    /// <summary>Starts a silo; <paramref name="notifications"/> false leaves the notification rules out of it.</summary>
    public SiloProcess StartSilo(string name, bool notifications = true, IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            // Several silos share the test PostgreSQL with the other test projects: small pools keep them under its
            // max_connections (a silo opens more than one pool).
            ["ConnectionStrings__Postgres"] = new NpgsqlConnectionStringBuilder(Servers.Postgres) { MaxPoolSize = 20 }.ConnectionString,
            ["ConnectionStrings__Redis"] = ServersFixture.Redis.Replace("defaultDatabase=9", "defaultDatabase=13", StringComparison.Ordinal),
            ["Orleans__Profile"] = "Cluster",
            ["Orleans__ClusterId"] = ServiceId,
            ["Orleans__ServiceId"] = ServiceId,
            ["Orleans__AdvertisedAddress"] = "127.0.0.1",
            ["Kafka__BootstrapServers"] = Servers.Broker.BootstrapServers,
            ["Kafka__EmbeddedBroker__Enabled"] = "false",
            ["Kafka__Partitions"] = ServersFixture.KafkaPartitions.ToString(CultureInfo.InvariantCulture),
            ["Ingest__Simulator__RoadNetworkPath"] = "",
            ["Routing__MapSource"] = "synthetic",
            ["Ingest__Simulator__City__GridSize"] = "9",
            ["Ingest__Simulator__City__BlockMeters"] = "600",
            ["Ingest__Simulator__SpeedUp"] = "150",
            ["Ingest__Simulator__StartAt"] = _clockStart.ToString("O", CultureInfo.InvariantCulture),
            ["Ingest__Simulator__ClockAnchor"] = _clockStart.ToString("O", CultureInfo.InvariantCulture),
            ["Notifications__Enabled"] = notifications ? "true" : "false",
            ["Forecasting__ModelDirectory"] = Path.Combine(Path.GetTempPath(), ServiceId, "models"),
            ["Warmup__Enabled"] = "false",
            ["RateLimiting__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Information",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>()) settings[key] = value;
        var silo = SiloProcess.Start(name, settings);
        _silos.Add(silo);
        return silo;
    }

    /// <summary>The silos whose log shows a simulator poll.</summary>
    public List<string> PollingSilos() =>
        [.. _silos.Where(s => s.Output.Any(line => line.Contains("Polled ", StringComparison.Ordinal))).Select(s => s.Name)];

    /// <summary>The live silo whose process holds the lease (its id is in the lease connection's application name).</summary>
    public async Task<SiloProcess> LeaderAsync(string role)
    {
        var holder = await Eventually.WaitForAsync(
            async () =>
            {
                await using var admin = new NpgsqlConnection(TestServers.Postgres);
                await admin.OpenAsync();
                await using var command = new NpgsqlCommand(
                    "SELECT application_name FROM pg_stat_activity WHERE application_name LIKE $1", admin);
                command.Parameters.AddWithValue($"leader:{ServiceId}/{role}:%");
                var name = await command.ExecuteScalarAsync() as string;
                var pid = name is null ? -1 : int.Parse(name[(name.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
                return _silos.FirstOrDefault(s => s.ProcessId == pid && !s.HasExited);
            },
            silo => silo is not null,
            Deadline,
            $"a live silo to hold the {role} lease");
        return holder!;
    }

    /// <summary>Readings up to <paramref name="until"/> without their prediction row.</summary>
    public Task<long> UnpredictedAsync(DateTime until) => Servers.ScalarAsync<long>(
        "SELECT count(*) FROM traffic_data t WHERE t.\"timestamp\" <= $1 AND NOT EXISTS (SELECT 1 FROM predictions p WHERE p.road_id = t.road_id AND p.\"timestamp\" = t.\"timestamp\")",
        until);

    public Task InitializeAsync() => Servers.InitializeAsync();

    public async Task DisposeAsync()
    {
        foreach (var silo in _silos) await silo.DisposeAsync();
        await Servers.DisposeAsync();
    }
}
