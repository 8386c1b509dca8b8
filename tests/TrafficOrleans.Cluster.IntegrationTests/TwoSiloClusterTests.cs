using System.Text.Json;
using Confluent.Kafka;
using Microsoft.AspNetCore.SignalR.Client;
using TrafficOrleans.IntegrationTests.Infrastructure;

namespace TrafficOrleans.Cluster.IntegrationTests;

/// <summary>Two real silo processes (<see cref="ProcessCluster"/>); one is killed with -9.</summary>
public sealed class TwoSiloClusterTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = ProcessCluster.Deadline;
    private readonly ProcessCluster _cluster = new();

    [Fact]
    public async Task Ingestion_runs_once_alerts_cross_silos_and_the_survivor_of_a_kill_keeps_routing_and_ingesting()
    {
        // A has the notification rules, B does not: every alert is raised on A, and B's clients still get it.
        var a = _cluster.StartSilo("silo-a", notifications: true);
        var b = _cluster.StartSilo("silo-b", notifications: false);
        await Task.WhenAll(a.WaitUntilReadyAsync(Deadline), b.WaitUntilReadyAsync(Deadline));

        // Exactly one silo polls the simulator, the one holding the ingestion lease.
        var road = await Eventually.WaitForAsync(
            () => _cluster.Servers.ScalarAsync<string>("SELECT min(road_id) FROM traffic_data"), id => id is not null, Deadline, "the first ingested readings");
        var ingestionLeader = await _cluster.LeaderAsync("ingestion");
        await Eventually.WaitForAsync(() => Task.FromResult(_cluster.PollingSilos()), polling => polling.Count > 0, Deadline, "a poll in a silo's log");
        Assert.Equal([ingestionLeader.Name], _cluster.PollingSilos());

        // An alert raised on A from a prediction reaches a SignalR client of B.
        await using var client = new HubConnectionBuilder().WithUrl(new Uri(b.BaseAddress, "hubs/traffic")).Build();
        var alerts = new System.Collections.Concurrent.ConcurrentQueue<string>();
        client.On<JsonElement>("alert", alert => alerts.Enqueue(alert.GetProperty("road_id").GetString()!));
        await client.StartAsync();
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = _cluster.Servers.Broker.BootstrapServers, Acks = Acks.All }).Build();
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
        var lastBeforeKill = await _cluster.Servers.ScalarAsync<DateTime>("SELECT max(\"timestamp\") FROM traffic_data");
        Assert.Equal(survivor.Name, (await _cluster.LeaderAsync("ingestion")).Name);
        var afterKill = await Eventually.WaitForAsync(
            () => _cluster.Servers.ScalarAsync<long>("SELECT count(DISTINCT \"timestamp\") FROM traffic_data WHERE \"timestamp\" > $1", lastBeforeKill),
            ticks => ticks >= 2,
            Deadline,
            "two ticks ingested by the survivor after the kill");
        Assert.True(afterKill >= 2);
        await Eventually.WaitForAsync(
            () => Task.FromResult(_cluster.PollingSilos()), polling => polling.Contains(survivor.Name), Deadline,
            $"a poll in the survivor's log; its last lines: {string.Join('\n', survivor.Output.TakeLast(30))}");

        // Every reading up to a tick after the kill gets its predictions once, and nothing is stored twice.
        var checkpoint = await _cluster.Servers.ScalarAsync<DateTime>("SELECT min(\"timestamp\") FROM traffic_data WHERE \"timestamp\" > $1", lastBeforeKill);
        await Eventually.WaitForAsync(
            () => _cluster.UnpredictedAsync(checkpoint),
            unpredicted => unpredicted == 0,
            Deadline,
            "every reading up to the first tick after the kill to be predicted");
        Assert.Equal(0L, await _cluster.Servers.ScalarAsync<long>("SELECT count(*) - count(DISTINCT event_id) FROM traffic_data"));
        Assert.Equal(0L, await _cluster.Servers.ScalarAsync<long>("SELECT count(*) - count(DISTINCT event_id) FROM predictions"));

        using var http = new HttpClient { BaseAddress = survivor.BaseAddress };
        using var route = await http.PostAsync(
            new Uri("route/recommend", UriKind.Relative),
            new StringContent("""{"origin":{"lat":21.02,"lng":105.85},"destination":{"lat":21.03,"lng":105.84}}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(route.IsSuccessStatusCode, $"route from the survivor: {(int)route.StatusCode} {await route.Content.ReadAsStringAsync()}");
    }

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

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
