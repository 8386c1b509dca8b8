using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using TrafficOrleans.Push.Alerts;
using TrafficOrleans.Push.Delivery;

namespace TrafficOrleans.Push.IntegrationTests;

/// <summary>
/// The per-connection writer on its own (no host): what it writes, in which order, and what it does for a client that
/// stops taking writes. The sink records writes, and can hold one back the way a full transport pipe would.
/// </summary>
public sealed class ConnectionWriterTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly WriterPump _pump = new();

    [Fact]
    public async Task Alerts_queued_from_several_threads_are_each_written_once_and_in_each_thread_s_order()
    {
        var sink = new RecordingSink();
        await using var connection = Connection(sink, new PushOptions());
        const int Threads = 4;
        const int PerThread = 2_000;

        await Task.WhenAll(Enumerable.Range(0, Threads).Select(thread => Task.Run(() =>
        {
            for (var i = 0; i < PerThread; i++) connection.EnqueueAlert(Alert($"t{thread}", i), schedule: i % 7 == 0);
            connection.Schedule();
        })));

        await WaitUntilAsync(() => sink.Written.Count == Threads * PerThread);
        var written = sink.Written.ToArray();
        Assert.Equal(Threads * PerThread, written.Distinct().Count());
        for (var thread = 0; thread < Threads; thread++)
        {
            var sequence = written.Where(w => w.StartsWith($"alert t{thread}/", StringComparison.Ordinal)).Select(w => int.Parse(w.Split('/')[1], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(Enumerable.Range(0, PerThread), sequence);
        }

        Assert.Equal(0, connection.AlertBacklog);
    }

    [Fact]
    public async Task Waiting_alerts_go_before_waiting_updates_and_updates_past_the_buffer_lose_the_oldest()
    {
        var sink = new RecordingSink();
        await using var connection = Connection(sink, new PushOptions { UpdateBufferPerConnection = 2 });
        var held = await HoldWriterInFirstAlertAsync(sink, connection, "first");
        for (var i = 1; i <= 5; i++) connection.EnqueueUpdate(new PushMessage(PushMethods.TrafficUpdated, $"update {i}"));
        connection.EnqueueAlert(Alert("late", 1));
        Assert.Equal(1, connection.AlertBacklog);
        held.SetResult();

        await WaitUntilAsync(() => sink.Written.Count == 4);
        Assert.Equal(["alert first/0", "alert late/1", "trafficUpdated update 4", "trafficUpdated update 5"], sink.Written);
    }

    [Fact]
    public async Task A_client_whose_alert_backlog_reaches_the_limit_is_cut_off_and_nothing_more_is_written()
    {
        var sink = new RecordingSink();
        await using var connection = Connection(sink, new PushOptions { AlertBacklogLimit = 3 });
        var held = await HoldWriterInFirstAlertAsync(sink, connection, "r");
        for (var i = 1; i <= 4; i++) connection.EnqueueAlert(Alert("r", i));
        Assert.True(sink.Aborted, "the connection was not aborted with its backlog at the limit");
        held.SetResult();
        // The held write completes on the thread pool (slow on a loaded machine); then nothing more may follow it.
        await WaitUntilAsync(() => !sink.Written.IsEmpty);
        await Task.Delay(200);
        Assert.Equal(["alert r/0"], sink.Written);
    }

    public void Dispose() => _services.Dispose();

    private PushConnection Connection(RecordingSink sink, PushOptions options) =>
        new("test", sink, _pump, options, new PushMetrics(_services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()), NullLogger.Instance);

    private static PushAlert Alert(string road, int sequence) =>
        new(road, DateTimeOffset.UnixEpoch, "high", ReadOnlyMemory<byte>.Empty, new Dictionary<string, object?> { ["sequence"] = $"{road}/{sequence}" });

    // The writer stuck in its first write, as with a client whose transport is full; released by the returned source.
    private static async Task<TaskCompletionSource> HoldWriterInFirstAlertAsync(RecordingSink sink, PushConnection connection, string road)
    {
        var held = sink.HoldNextWrite();
        connection.EnqueueAlert(Alert(road, 0));
        await WaitUntilAsync(() => sink.Started == 1);
        return held;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(10);
        }
    }

    private sealed class RecordingSink : IPushSink
    {
        private TaskCompletionSource? _hold;
        private int _started;

        public ConcurrentQueue<string> Written { get; } = new();

        public int Started => Volatile.Read(ref _started);

        public bool Aborted { get; private set; }

        public bool WantsUpdates => true;

        public TaskCompletionSource HoldNextWrite() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask SendAlertAsync(PushAlert alert, CancellationToken cancellationToken) => Write($"alert {alert.Document["sequence"]}");

        public ValueTask SendAsync(PushMessage message, CancellationToken cancellationToken) => Write($"{message.Method} {message.Payload}");

        public void Abort() => Aborted = true;

        private ValueTask Write(string what)
        {
            Interlocked.Increment(ref _started);
            if (Interlocked.Exchange(ref _hold, null) is { } hold) return new ValueTask(WriteAfterAsync(hold.Task, what));
            Written.Enqueue(what);
            return ValueTask.CompletedTask;
        }

        private async Task WriteAfterAsync(Task released, string what)
        {
            await released;
            Written.Enqueue(what);
        }
    }
}
