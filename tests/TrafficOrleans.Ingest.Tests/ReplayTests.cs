using Microsoft.Extensions.Time.Testing;
using TrafficOrleans.GrainInterfaces.Messages;
using TrafficOrleans.Ingest.Preprocessing;
using TrafficOrleans.Ingest.Replay;

namespace TrafficOrleans.Ingest.Tests;

public sealed class ReplayTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("ingest-replay-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task Long_csv_replays_per_interval_and_rejects_bad_lines_with_their_text()
    {
        var path = Write("long.csv", """
            road_id,timestamp,speed,free_flow_speed,jam_factor,road_name
            r1,2025-10-15T08:00:00+07:00,20,40,5,"Pho Hue, north"
            r2,2025-10-15T08:00:00+07:00,35,40,,Tran Hung Dao
            r1,2025-10-15T08:05:00+07:00,-3,40,,Pho Hue
            r2,2025-10-15T08:05:00,38,40,1,Tran Hung Dao
            ,2025-10-15T08:05:00+07:00,30,40,,No id
            r1,not-a-time,30,40,,Bad time
            r3,2025-10-15T01:10:00Z,abc,40,,Bad speed
            """);
        var source = ReplayTrafficSource.Open(new ReplayOptions { Path = path }, TestData.Preprocessor());

        var batches = await ReadAll(source);

        Assert.Equal(new DateTimeOffset(2025, 10, 15, 1, 0, 0, TimeSpan.Zero), source.Start);
        Assert.Equal(3, batches.Count);
        Assert.Collection(batches[0].Readings,
            r => { Assert.Equal("Pho Hue, north", r.RoadName); Assert.Equal(0.5, r.SpeedRatio); Assert.Equal(CongestionLevel.Moderate, r.CongestionLevel); Assert.True(r.IsRushHour); },
            r => { Assert.Equal("r2", r.RoadId); Assert.Equal(CongestionLevel.Free, r.CongestionLevel); });
        Assert.Equal(RejectionReason.Malformed, Assert.Single(batches[0].Rejected).Reason);
        Assert.Contains("not-a-time", batches[0].Rejected[0].Payload, StringComparison.Ordinal);
        // A timestamp without offset is Hanoi local time: 08:05 local is the same tick as 08:05+07:00.
        Assert.Equal("r2", Assert.Single(batches[1].Readings).RoadId);
        Assert.Equal([RejectionReason.NegativeSpeed, RejectionReason.MissingRoadId], batches[1].Rejected.Select(r => r.Reason));
        Assert.Equal("r1,2025-10-15T08:05:00+07:00,-3,40,,Pho Hue", batches[1].Rejected[0].Payload);
        Assert.Equal(RejectionReason.NotANumber, Assert.Single(batches[2].Rejected).Reason);
        Assert.Empty(batches[2].Readings);
    }

    [Fact]
    public async Task Long_csv_without_free_flow_uses_a_percentile_of_observed_speeds()
    {
        var path = Write("short.csv", string.Join('\n', Enumerable.Range(0, 10).Select(i => $"r1,{1_760_000_000 + i * 300},{10 * (i + 1)}")));
        var source = ReplayTrafficSource.Open(new ReplayOptions { Path = path, FreeFlowPercentile = 0.85 }, TestData.Preprocessor());

        var readings = (await ReadAll(source)).SelectMany(b => b.Readings).ToList();

        Assert.Equal(10, readings.Count);
        Assert.All(readings, r => Assert.Equal(90, r.FreeFlowSpeed));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_760_000_000), readings[0].Timestamp);
    }

    [Fact]
    public async Task Matrix_csv_replays_rows_from_start_time_in_kmh_with_adjacency()
    {
        var path = Write("matrix.csv", """
            ,101,102,103
            2012-03-01 00:00:00,60,0,55
            2012-03-01 00:05:00,30,62,x
            2012-03-01 00:10:00,45,64,50
            """);
        var adjacency = Write("adj.csv", """
            101,102,103
            1,0.5,0
            0,1,0.7
            0,0,1
            """);
        var start = new DateTimeOffset(2012, 3, 1, 0, 0, 0, TimeSpan.FromHours(-8));
        var options = new ReplayOptions
        {
            Path = path, Format = ReplayFormat.MatrixCsv, SpeedUnit = SpeedUnit.Mph, StartTime = start,
            RowInterval = TimeSpan.FromMinutes(5), AdjacencyPath = adjacency, ZeroSpeedIsMissing = true,
        };
        var source = ReplayTrafficSource.Open(options, TestData.Preprocessor());

        var batches = await ReadAll(source);

        Assert.Equal(3, batches.Count);
        Assert.Equal(["sensor_101", "sensor_103"], batches[0].Readings.Select(r => r.RoadId).ToArray());
        Assert.Equal(60 * 1.609344, batches[0].Readings[0].CurrentSpeed, 2);
        Assert.Equal(60 * 1.609344, batches[0].Readings[0].FreeFlowSpeed, 2);
        Assert.Equal(RejectionReason.MissingSpeed, Assert.Single(batches[0].Rejected).Reason);
        Assert.Equal(0.5, batches[1].Readings.Single(r => r.RoadId == "sensor_101").SpeedRatio);
        Assert.Equal(RejectionReason.Malformed, Assert.Single(batches[1].Rejected).Reason);
        Assert.Equal("103,1,x", batches[1].Rejected[0].Payload);
        Assert.Equal(start.AddMinutes(10), batches[2].Readings[0].Timestamp);
        Assert.Equal(["sensor_102"], source.Adjacency!.FeedersOf("sensor_103"));
        Assert.Equal(["sensor_101"], source.Adjacency.FeedersOf("sensor_102"));
        Assert.Empty(source.Adjacency.FeedersOf("sensor_101"));
    }

    [Fact]
    public void Replay_clock_starts_at_the_recording_and_runs_at_the_speed_up()
    {
        var path = Write("clock.csv", "r1,2025-10-15T01:00:00Z,30,40\nr1,2025-10-15T02:00:00Z,30,40");
        var real = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var source = ReplayTrafficSource.Open(new ReplayOptions { Path = path, SpeedUp = 60 }, TestData.Preprocessor(), real);

        Assert.Equal(source.Start, source.Clock.GetUtcNow());
        real.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(source.Start.AddHours(1), source.Clock.GetUtcNow());
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static async Task<List<TrafficBatch>> ReadAll(ReplayTrafficSource source)
    {
        var batches = new List<TrafficBatch>();
        await foreach (var batch in source.ReadAllAsync(CancellationToken.None)) batches.Add(batch);
        return batches;
    }
}
