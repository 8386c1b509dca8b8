using TrafficOrleans.Api.Analytics;
using TrafficOrleans.IntegrationTests.Infrastructure;

namespace TrafficOrleans.Forecasting.IntegrationTests;

/// <summary>The online-evaluation SQL on hand-made predictions and readings, and the hourly trends query.</summary>
public sealed class OnlineEvaluationTests(ServersFixture database) : IClassFixture<ServersFixture>
{
    private static readonly DateTimeOffset T = new(2026, 11, 2, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Model_accuracy_joins_each_horizon_with_the_reading_that_arrived_then()
    {
        await database.ScalarAsync<int>("SELECT traffic_ensure_partitions('predictions', $1, $2)", DateOnly.FromDateTime(T.UtcDateTime.AddDays(-1)), DateOnly.FromDateTime(T.UtcDateTime.AddDays(1)));
        await database.ScalarAsync<int>("SELECT traffic_ensure_partitions('traffic_data', $1, $2)", DateOnly.FromDateTime(T.UtcDateTime.AddDays(-1)), DateOnly.FromDateTime(T.UtcDateTime.AddDays(1)));

        // v1 on road a at T: 50/40/30 against readings 45 (+10 min +60 s), 40 (+20 min), 36 (+30 min −2 min).
        await PredictionAsync("ev-a", T, 50, 40, 30, "v1");
        await ReadingAsync("ev-a", T.AddMinutes(11), 45);
        await ReadingAsync("ev-a", T.AddMinutes(20), 40);
        await ReadingAsync("ev-a", T.AddMinutes(28), 36);
        // Outside every ± 2.5 min window of the prediction at T (+14 and +24.5 min): must not be matched.
        await ReadingAsync("ev-a", T.AddMinutes(14), 0);
        await ReadingAsync("ev-a", T.AddMinutes(24.5), 0);

        // v1 on road b at T+5: only the 10-minute reading arrived (30 against 20).
        await PredictionAsync("ev-b", T.AddMinutes(5), 20, 20, 20, "v1");
        await ReadingAsync("ev-b", T.AddMinutes(15), 30);

        // v2: no reading ever arrived, so it is absent rather than scored; v3 predicted before the window.
        await PredictionAsync("ev-c", T, 10, 10, 10, "v2");
        await PredictionAsync("ev-b", T.AddHours(-3), 99, 99, 99, "v3");
        await ReadingAsync("ev-b", T.AddHours(-3).AddMinutes(10), 1);

        var rows = await ModelAccuracyQuery.RunAsync(database.DataSource, T.AddHours(-1), T.AddHours(1));

        Assert.Equal(["v1"], rows.Select(r => r.ModelVersion).Distinct());
        var byHorizon = rows.ToDictionary(r => r.HorizonMinutes);
        Assert.Equal(7.5, byHorizon[10].Mae, 9);      // (|50−45| + |20−30|) / 2
        Assert.Equal(2, byHorizon[10].Count);
        Assert.Equal(Math.Sqrt((25 + 100) / 2.0), byHorizon[10].Rmse, 9);
        Assert.Equal(0, byHorizon[20].Mae, 9);
        Assert.Equal(1, byHorizon[20].Count);
        Assert.Equal(6, byHorizon[30].Mae, 9);
        Assert.Equal(1, byHorizon[30].Count);
    }

    [Fact]
    public async Task Trends_average_a_road_per_hour()
    {
        await database.ScalarAsync<int>("SELECT traffic_ensure_partitions('traffic_data', $1, $2)", DateOnly.FromDateTime(T.UtcDateTime), DateOnly.FromDateTime(T.UtcDateTime));
        await ReadingAsync("tr-a", T.AddMinutes(5), 20);
        await ReadingAsync("tr-a", T.AddMinutes(10), 40);
        await ReadingAsync("tr-a", T.AddMinutes(65), 50);
        await ReadingAsync("tr-other", T.AddMinutes(5), 99);

        var trend = await TrafficTrendQuery.RunAsync(database.DataSource, "tr-a", T, T.AddHours(3));

        Assert.Equal([T, T.AddHours(1)], trend.Select(t => t.Hour));
        Assert.Equal(30, trend[0].AverageSpeed, 9);
        Assert.Equal(2, trend[0].Readings);
        Assert.Equal(50, trend[1].AverageSpeed, 9);
    }

    private Task<int> PredictionAsync(string road, DateTimeOffset at, double p10, double p20, double p30, string version) =>
        database.ScalarAsync<int>(
            """
            INSERT INTO predictions (road_id, "timestamp", current_speed, predicted_speed_10min, predicted_speed_20min,
                                     predicted_speed_30min, prediction_confidence, model_version, event_id)
            VALUES ($1, $2, 0, $3, $4, $5, 0.5, $6, gen_random_uuid())
            """,
            road, at, p10, p20, p30, version);

    private Task<int> ReadingAsync(string road, DateTimeOffset at, double speed) =>
        database.ScalarAsync<int>(
            """
            INSERT INTO traffic_data (road_id, "timestamp", speed, free_flow_speed, jam_factor, congestion_level, speed_ratio, is_rush_hour, event_id)
            VALUES ($1, $2, $3, 50, 2, 'light', $3 / 50, false, gen_random_uuid())
            """,
            road, at, speed);
}
