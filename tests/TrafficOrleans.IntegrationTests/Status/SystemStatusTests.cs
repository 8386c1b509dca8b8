using System.Net.Http.Json;
using System.Text.Json;
using TrafficOrleans.IntegrationTests.Infrastructure;
using TrafficOrleans.IntegrationTests.Slice;

namespace TrafficOrleans.IntegrationTests.Status;

/// <summary><c>GET /system/status</c> on the real host: membership, outbox backlog, champion and newest tick from the real stores.</summary>
[Collection(ServersCollection.Name)]
public sealed class SystemStatusTests(ServersFixture database)
{
    private const string Metrics = """
        {"validation": [{"horizon_minutes": 10, "mae": 0.4, "rmse": 0.9, "mape": 2.9, "r2": 0.99, "count": 100}],
         "test": [{"horizon_minutes": 10, "mae": 0.5, "rmse": 1.0, "mape": 3.2, "r2": 0.98, "count": 100},
                  {"horizon_minutes": 30, "mae": 0.9, "rmse": 1.9, "mape": 6.6, "r2": 0.96, "count": 100}],
         "mean_speed": 31.5}
        """;

    [Fact]
    public async Task Status_reports_the_silo_the_outbox_backlog_the_champion_and_the_newest_tick()
    {
        // Nothing relays the outbox here, so the rows below stay pending; the tick lies after any other test's readings.
        await using var host = new SiloHost(database, $"status-{Guid.NewGuid():N}"[..20], new Dictionary<string, string?> { ["Outbox:Enabled"] = "false" });
        using var http = host.CreateClient();
        var tick = new DateTimeOffset(DateTime.UtcNow.Date.AddDays(500), TimeSpan.Zero);
        var version = $"lgbm-status-{Guid.NewGuid():N}"[..24];
        await database.ScalarAsync<object>("SELECT traffic_ensure_partitions('traffic_data', $1::date, $1::date)", tick.UtcDateTime);
        foreach (var road in new[] { "status_rd_1", "status_rd_2", "status_rd_3" })
        {
            await database.ScalarAsync<object>(
                """
                INSERT INTO traffic_data (road_id, "timestamp", speed, free_flow_speed, jam_factor, congestion_level, speed_ratio, is_rush_hour, event_id)
                VALUES ($1, $2, 30, 50, 3, 'moderate', 0.6, false, gen_random_uuid())
                """, road, tick.UtcDateTime);
        }

        await database.ScalarAsync<object>(
            "INSERT INTO outbox (topic, message_key, payload, created_at) SELECT 'traffic-raw', 'status_rd_1', '\\x7b7d'::bytea, now() - interval '2 minutes' FROM generate_series(1, 3)");
        await database.ScalarAsync<object>("UPDATE model_registry SET is_champion = false WHERE is_champion");
        await database.ScalarAsync<object>(
            """
            INSERT INTO model_registry (version, model_type, artifact_path, metrics, data_from, data_to, features, training_run, promoted_at, is_champion)
            VALUES ($1, 'lgbm', '/nonexistent/model.json', $2::jsonb, '2025-10-01Z', '2025-10-08Z', '{speed}', 'run-status', now(), true)
            """, version, Metrics);
        try
        {
            using var status = JsonDocument.Parse(await http.GetStringAsync("/system/status"));
            var root = status.RootElement;

            var silo = Assert.Single(root.GetProperty("silos").EnumerateArray());
            Assert.Equal("active", silo.GetProperty("status").GetString());
            Assert.False(string.IsNullOrEmpty(silo.GetProperty("address").GetString()));
            Assert.True(silo.GetProperty("started_at").GetDateTimeOffset() <= silo.GetProperty("last_alive_at").GetDateTimeOffset());

            var outbox = root.GetProperty("outbox");
            Assert.True(outbox.GetProperty("pending").GetInt64() >= 3);
            Assert.True(outbox.GetProperty("oldest_age_seconds").GetDouble() >= 110);

            var champion = root.GetProperty("champion");
            Assert.Equal(version, champion.GetProperty("version").GetString());
            Assert.Equal("lgbm", champion.GetProperty("model_type").GetString());
            var test = champion.GetProperty("metrics").GetProperty("test");
            Assert.Equal([10, 30], test.EnumerateArray().Select(m => m.GetProperty("horizon_minutes").GetInt32()));
            Assert.Equal(0.7, champion.GetProperty("metrics").GetProperty("mean_test_mae").GetDouble(), 6);

            var ingestion = root.GetProperty("ingestion");
            Assert.Equal(tick, ingestion.GetProperty("last_tick").GetDateTimeOffset());
            Assert.Equal(3, ingestion.GetProperty("roads").GetInt64());
            Assert.DoesNotContain("nonexistent", root.GetRawText(), StringComparison.Ordinal);
        }
        finally
        {
            await database.ScalarAsync<object>("DELETE FROM model_registry WHERE version = $1", version);
            await database.ScalarAsync<object>("DELETE FROM outbox WHERE message_key = 'status_rd_1' AND sent_at IS NULL");
            await database.ScalarAsync<object>("DELETE FROM traffic_data WHERE road_id LIKE 'status_rd_%'");
        }
    }

    [Fact]
    public async Task A_simulator_clock_set_in_the_past_is_the_traffic_clock_of_current_traffic_and_status()
    {
        // A wall-clock check would call these 2025 readings long stale; judged by the traffic clock they are current.
        var start = new DateTimeOffset(2025, 10, 15, 7, 0, 0, TimeSpan.Zero);
        await using var host = new SiloHost(database, $"clock-{Guid.NewGuid():N}"[..20], new Dictionary<string, string?>
        {
            ["Ingest:Enabled"] = "true",
            ["Ingest:Source"] = "Simulator",
            ["Ingest:Simulator:StartAt"] = start.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["Ingest:Simulator:City:GridSize"] = "3",
        });
        using var http = host.CreateClient();

        var current = await Eventually.WaitForAsync(
            () => http.GetFromJsonAsync<JsonElement>("/traffic/current"),
            roads => roads.EnumerateArray().Any(r => r.GetProperty("last_updated").GetDateTimeOffset() == start),
            TimeSpan.FromSeconds(90), "the simulator's first tick in /traffic/current");

        Assert.Contains(current.EnumerateArray(), r => r.GetProperty("last_updated").GetDateTimeOffset() == start);
        var status = await http.GetFromJsonAsync<JsonElement>("/system/status");
        Assert.InRange(status.GetProperty("ingestion").GetProperty("traffic_time").GetDateTimeOffset(), start, start.AddHours(1));
    }
}
