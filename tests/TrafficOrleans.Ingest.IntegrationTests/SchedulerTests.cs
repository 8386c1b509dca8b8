using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TrafficOrleans.Ingest.IntegrationTests.Infrastructure;
using TrafficOrleans.Ingest.Scheduling;

namespace TrafficOrleans.Ingest.IntegrationTests;

[Collection(IngestCollection.Name)]
public sealed class SchedulerTests(ServersFixture database) : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public Task InitializeAsync() => database.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_slow_poll_skips_the_missed_ticks_instead_of_overlapping_the_next()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 10, 15, 1, 0, 10, TimeSpan.Zero));
        var source = new GatedTrafficSource(Pipeline.Simulator(clock), clock);
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meterFactory = services.GetRequiredService<IMeterFactory>();
        var metrics = new IngestMetrics(meterFactory);
        using var skipped = new MetricCollector<long>(meterFactory, IngestMetrics.MeterName, "traffic.ingest.ticks.skipped");
        var runner = new IngestionRunner(source, Pipeline.Writer(database.DataSource), metrics, NullLogger<IngestionRunner>.Instance);
        var service = new IngestionService(runner, Options.Create(new IngestOptions { Interval = TimeSpan.FromMinutes(5) }), metrics, NullLogger<IngestionService>.Instance);
        using var stop = new CancellationTokenSource(Deadline);

        var running = service.RunAsync(until: null, stop.Token);

        // The current tick is polled at once; this poll now "takes" 12 minutes, past the 01:05 and 01:10 ticks.
        Assert.Equal(At(1, 0), await source.NextStartedAsync(stop.Token));
        clock.Advance(TimeSpan.FromMinutes(12));
        Assert.Equal(1, source.Polls);
        source.Release();

        await skipped.WaitForMeasurementsAsync(1, Deadline);
        Assert.Equal(2, skipped.GetMeasurementSnapshot().EvaluateAsCounter());
        Assert.Equal(1, source.Polls);

        // The service computes its wait and arms a timer on the fake clock concurrently with this thread; a single
        // Advance could land before the timer exists and never fire it. Step the clock until the 01:15 poll starts.
        var next = source.NextStartedAsync(stop.Token).AsTask();
        while (!next.IsCompleted)
        {
            clock.Advance(TimeSpan.FromSeconds(30));
            await Task.WhenAny(next, Task.Delay(50, stop.Token));
        }

        Assert.Equal(At(1, 15), await next);
        source.Release();

        var roads = Pipeline.Simulator().Model.Roads.Count;
        while (await database.CountAsync("SELECT count(*) FROM traffic_data") < 2 * roads)
        {
            stop.Token.ThrowIfCancellationRequested();
            await Task.Delay(20, stop.Token);
        }

        await stop.CancelAsync();
        await running;
        Assert.Equal(2, source.Polls);
        Assert.Equal(1, source.MaxInFlight);
        Assert.Equal(2 * roads, await database.CountAsync("SELECT count(*) FROM traffic_data WHERE \"timestamp\" IN ('2025-10-15T01:00:00Z', '2025-10-15T01:15:00Z')"));
    }

    private static DateTimeOffset At(int hour, int minute) => new(2025, 10, 15, hour, minute, 0, TimeSpan.Zero);
}
