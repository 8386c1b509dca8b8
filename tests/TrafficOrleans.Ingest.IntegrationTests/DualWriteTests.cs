using TrafficOrleans.Ingest.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using TrafficOrleans.Ingest.Preprocessing;
using TrafficOrleans.Ingest.Scheduling;

namespace TrafficOrleans.Ingest.IntegrationTests;

[Collection(IngestCollection.Name)]
public sealed class DualWriteTests(ServersFixture database) : IAsyncLifetime
{
    private static readonly DateTimeOffset Tick = new(2025, 10, 15, 1, 0, 0, TimeSpan.Zero);

    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Rewriting_a_batch_inserts_nothing_and_adds_no_outbox_rows()
    {
        var polled = await Pipeline.Simulator().PollAsync(Tick, CancellationToken.None);
        var rejected = new RejectedReading("simulator", Tick, "road-x", RejectionReason.NegativeSpeed, "speed -3 km/h is negative", "{\"speed\":-3}");
        var batch = polled with { Rejected = [rejected] };
        var writer = Pipeline.Writer(database.DataSource);

        var first = await writer.WriteAsync(batch, CancellationToken.None);
        var second = await writer.WriteAsync(batch, CancellationToken.None);

        var n = batch.Readings.Count;
        Assert.True(n > 0);
        Assert.Equal((n, 0, 1), (first.Inserted, first.Duplicates, first.DeadLettered));
        Assert.Equal((0, n, 0), (second.Inserted, second.Duplicates, second.DeadLettered));
        Assert.Equal(n, await database.CountAsync("SELECT count(*) FROM traffic_data"));
        Assert.Equal(n, await database.CountAsync("SELECT count(*) FROM outbox WHERE topic = 'traffic-raw'"));
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM outbox WHERE topic = 'traffic-dlq'"));
    }

    [Fact]
    public async Task Only_new_readings_of_an_overlapping_batch_are_stored_and_announced()
    {
        var simulator = Pipeline.Simulator();
        var writer = Pipeline.Writer(database.DataSource);
        var earlier = await simulator.PollAsync(Tick, CancellationToken.None);
        var later = await simulator.PollAsync(Tick.AddMinutes(5), CancellationToken.None);
        await writer.WriteAsync(earlier, CancellationToken.None);

        var result = await writer.WriteAsync([earlier, later], CancellationToken.None);

        Assert.Equal(later.Readings.Count, result.Inserted);
        Assert.Equal(earlier.Readings.Count, result.Duplicates);
        Assert.Equal(
            await database.CountAsync("SELECT count(*) FROM traffic_data"),
            await database.CountAsync("SELECT count(*) FROM outbox o JOIN traffic_data t ON t.road_id = o.message_key AND convert_from(o.payload, 'UTF8')::jsonb->>'event_id' = t.event_id::text"));
    }

    [Fact]
    public async Task A_polled_tick_announces_each_reading_with_its_neighbours_ratio()
    {
        var simulator = Pipeline.Simulator();
        var runner = new IngestionRunner(simulator, Pipeline.Writer(database.DataSource), new IngestMetrics(Pipeline.Meters), NullLogger<IngestionRunner>.Instance);

        await runner.RunOnceAsync(Tick, CancellationToken.None);

        var expected = NeighbourRatios.Annotate(await simulator.PollAsync(Tick, CancellationToken.None), simulator.Adjacency).Readings
            .Where(r => r.NeighbourRatio is not null)
            .ToDictionary(r => r.RoadId, r => r.NeighbourRatio!.Value);
        Assert.NotEmpty(expected);
        await using var query = database.DataSource.CreateCommand(
            "SELECT message_key, (convert_from(payload, 'UTF8')::jsonb->>'neighbour_ratio')::float8 FROM outbox WHERE topic = 'traffic-raw'");
        await using var rows = await query.ExecuteReaderAsync();
        var announced = new Dictionary<string, double>();
        while (await rows.ReadAsync())
        {
            if (!rows.IsDBNull(1)) announced[rows.GetString(0)] = rows.GetDouble(1);
        }

        Assert.Equal(expected.OrderBy(p => p.Key), announced.OrderBy(p => p.Key));
    }

    [Fact]
    public async Task Readings_of_a_new_day_get_their_partition()
    {
        var nextDay = Tick.AddDays(400);
        var batch = await Pipeline.Simulator().PollAsync(nextDay, CancellationToken.None);

        await Pipeline.Writer(database.DataSource).WriteAsync(batch, CancellationToken.None);

        Assert.Equal(batch.Readings.Count, await database.CountAsync($"SELECT count(*) FROM traffic_data_{nextDay:yyyyMMdd}"));
    }
}
