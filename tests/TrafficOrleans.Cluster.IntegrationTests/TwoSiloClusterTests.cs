using System.Globalization;
using System.Text.Json;
using Confluent.Kafka;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;
using TrafficOrleans.IntegrationTests.Infrastructure;

namespace TrafficOrleans.Cluster.IntegrationTests;

/// <summary>
/// Two real silo processes in the <c>Cluster</c> profile sharing PostgreSQL membership, Redis and a standalone broker
/// (the run's, in this test process: a silo crash is not a broker crash). One is killed with -9.
/// </summary>
public sealed class TwoSiloClusterTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private readonly ServersFixture _servers = new();
    private readonly List<SiloProcess> _silos = [];

    [Fact]
    public async Task Ingestion_runs_once_alerts_cross_silos_and_the_survivor_of_a_kill_keeps_routing_and_ingesting()
    {
        // A has the notification rules, B does not: every alert is raised on A, and B's clients still get it.
        var a = StartSilo("silo-a", notifications: true);
        var b = StartSilo("silo-b", notifications: false);
        await Task.WhenAll(a.WaitUntilReadyAsync(Deadline), b.WaitUntilReadyAsync(Deadline));

        // Exactly one silo polls the simulator, the one holding the ingestion lease.
        var road = await Eventually.WaitForAsync(
            () => _servers.ScalarAsync<string>("SELECT min(road_id) FROM traffic_data"), id => id is not null, Deadline, "the first ingested readings");
        var ingestionLeader = await LeaderAsync("ingestion");
        await Eventually.WaitForAsync(() => Task.FromResult(PollingSilos()), polling => polling.Count > 0, Deadline, "a poll in a silo's log");
        Assert.Equal([ingestionLeader.Name], PollingSilos());

        // An alert raised on A from a prediction reaches a SignalR client of B.
        await using var client = new HubConnectionBuilder().WithUrl(new Uri(b.BaseAddress, "hubs/traffic")).Build();
        var alerts = new System.Collections.Concurrent.ConcurrentQueue<string>();
        client.On<JsonElement>("alert", alert => alerts.Enqueue(alert.GetProperty("road_id").GetString()!));
        await client.StartAsync();
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = _servers.Broker.BootstrapServers, Acks = Acks.All }).Build();
        await Eventually.WaitForAsync(
            async () =>
            {
                // Jam predictions until one alert arrives: B's alert reader starts at the latest offset once it joined.
                await producer.ProduceAsync("traffic-predictions", new Message<string, string> { Key = road!, Value = JamPrediction(road!) });
                await Task.Delay(500);
                return alerts.Contains(road);
            },
            arrived => arrived,
            Deadline,
            $"an alert for {road} raised on silo A to reach the SignalR client of silo B");

        // kill -9 the ingestion leader; the survivor takes ingestion over and keeps answering routes.
        var survivor = ingestionLeader == a ? b : a;
        ingestionLeader.Kill();
        var lastBeforeKill = await _servers.ScalarAsync<DateTime>("SELECT max(\"timestamp\") FROM traffic_data");
        Assert.Equal(survivor.Name, (await LeaderAsync("ingestion")).Name);
        var afterKill = await Eventually.WaitForAsync(
            () => _servers.ScalarAsync<long>("SELECT count(DISTINCT \"timestamp\") FROM traffic_data WHERE \"timestamp\" > $1", lastBeforeKill),
            ticks => ticks >= 2,
            Deadline,
            "two ticks ingested by the survivor after the kill");
        Assert.True(afterKill >= 2);
        await Eventually.WaitForAsync(
            () => Task.FromResult(PollingSilos()), polling => polling.Contains(survivor.Name), Deadline,
            $"a poll in the survivor's log; its last lines: {string.Join('\n', survivor.Output.TakeLast(30))}");

        // Every reading up to a tick after the kill gets its predictions once, and nothing is stored twice.
        var checkpoint = await _servers.ScalarAsync<DateTime>("SELECT min(\"timestamp\") FROM traffic_data WHERE \"timestamp\" > $1", lastBeforeKill);
        await Eventually.WaitForAsync(
            () => _servers.ScalarAsync<long>(
                "SELECT count(*) FROM traffic_data t WHERE t.\"timestamp\" <= $1 AND NOT EXISTS (SELECT 1 FROM predictions p WHERE p.road_id = t.road_id AND p.\"timestamp\" = t.\"timestamp\")",
                checkpoint),
            unpredicted => unpredicted == 0,
            Deadline,
            "every reading up to the first tick after the kill to be predicted");
        Assert.Equal(0L, await _servers.ScalarAsync<long>("SELECT count(*) - count(DISTINCT event_id) FROM traffic_data"));
        Assert.Equal(0L, await _servers.ScalarAsync<long>("SELECT count(*) - count(DISTINCT event_id) FROM predictions"));

        using var http = new HttpClient { BaseAddress = survivor.BaseAddress };
        using var route = await http.PostAsync(
            new Uri("route/recommend", UriKind.Relative),
            new StringContent("""{"origin":{"lat":21.02,"lng":105.85},"destination":{"lat":21.03,"lng":105.84}}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(route.IsSuccessStatusCode, $"route from the survivor: {(int)route.StatusCode} {await route.Content.ReadAsStringAsync()}");
    }

    public Task InitializeAsync() => _servers.InitializeAsync();

    public async Task DisposeAsync()
    {
        foreach (var silo in _silos) await silo.DisposeAsync();
        await _servers.DisposeAsync();
    }

    private SiloProcess StartSilo(string name, bool notifications)
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = _servers.Postgres,
            ["ConnectionStrings__Redis"] = ServersFixture.Redis.Replace("defaultDatabase=9", "defaultDatabase=13", StringComparison.Ordinal),
            ["Orleans__Profile"] = "Cluster",
            ["Orleans__ClusterId"] = ServiceId,
            ["Orleans__ServiceId"] = ServiceId,
            ["Orleans__AdvertisedAddress"] = "127.0.0.1",
            ["Kafka__BootstrapServers"] = _servers.Broker.BootstrapServers,
            ["Kafka__EmbeddedBroker__Enabled"] = "false",
            ["Kafka__Partitions"] = ServersFixture.KafkaPartitions.ToString(CultureInfo.InvariantCulture),
            // The 9×9 synthetic city, a 5-minute tick every 2 s, on a clock both silos share (as cluster.sh sets it).
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
        var silo = SiloProcess.Start(name, settings);
        _silos.Add(silo);
        return silo;
    }

    private readonly DateTimeOffset _clockStart = DateTimeOffset.UtcNow;

    private string ServiceId { get; } = $"cluster-{Guid.NewGuid():N}"[..20];

    /// <summary>The silos whose log shows a simulator poll.</summary>
    private List<string> PollingSilos() =>
        [.. _silos.Where(s => s.Output.Any(line => line.Contains("Polled ", StringComparison.Ordinal))).Select(s => s.Name)];

    /// <summary>The live silo whose process holds the lease (its id is in the lease connection's application name).</summary>
    private async Task<SiloProcess> LeaderAsync(string role)
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

    /// <summary>A prediction the rules turn into an alert: flowing now, jammed in 10 minutes, confident.</summary>
    private static string JamPrediction(string road) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["event_id"] = Guid.NewGuid(),
        ["timestamp"] = DateTimeOffset.UtcNow,
        ["road_id"] = road,
        ["current_speed"] = 45.0,
        ["predicted_speed_10min"] = 5.0,
        ["predicted_speed_20min"] = 5.0,
        ["predicted_speed_30min"] = 5.0,
        ["prediction_confidence"] = 0.95,
        ["model_version"] = "cluster-test",
        ["jam_factor"] = 8.0,
    });
}
