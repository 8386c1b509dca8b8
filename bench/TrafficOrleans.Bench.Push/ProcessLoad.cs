using System.Diagnostics;
using System.Globalization;

namespace TrafficOrleans.Bench.Push;

/// <summary>
/// What one phase cost the bench's process (the silo, the producer; the clients run elsewhere): CPU seconds, thread-pool
/// work items, the longest thread-pool queue and the longest wait of a probe work item to start, and garbage-collection
/// counts and pauses. Unlike the latency percentiles these barely depend on what else the machine is doing, so they tell
/// whether a change made the silo's work smaller, not just whether a run was lucky.
/// </summary>
public sealed class ProcessLoad : IAsyncDisposable
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(20);
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeSpan _cpu = Process.GetCurrentProcess().TotalProcessorTime;
    private readonly long _workItems = ThreadPool.CompletedWorkItemCount;
    private readonly TimeSpan _gcPause = GC.GetTotalPauseDuration();
    private readonly int[] _collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
    private readonly Task _sampler;
    private long _longestQueue;
    private double _longestStartMs;
    private double _longestStartAt;
    private readonly long _startedAt = Stopwatch.GetTimestamp();

    private ProcessLoad() => _sampler = Task.Factory.StartNew(SampleAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    /// <summary>Starts measuring now.</summary>
    public static ProcessLoad Start() => new();

    /// <summary>The markdown header of <see cref="StopAsync"/>'s rows.</summary>
    public const string Header = "| phase | CPU s | per tick | thread-pool items | longest queue | longest start wait ms (at) | GC 0/1/2 | GC pause ms |\n|---|---|---|---|---|---|---|---|";

    /// <summary>Stops and returns the phase's row (<paramref name="ticks"/>: to divide the CPU by).</summary>
    public async Task<string> StopAsync(string phase, int ticks)
    {
        await _stop.CancelAsync();
        await _sampler;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - _cpu).TotalSeconds;
        var collections = $"{GC.CollectionCount(0) - _collections[0]}/{GC.CollectionCount(1) - _collections[1]}/{GC.CollectionCount(2) - _collections[2]}";
        return string.Create(CultureInfo.InvariantCulture,
            $"| {phase} | {cpu:0.00} | {cpu / Math.Max(1, ticks):0.00} | {ThreadPool.CompletedWorkItemCount - _workItems:N0} | {_longestQueue:N0} | {_longestStartMs:0} (+{_longestStartAt:0.0} s) | {collections} | {(GC.GetTotalPauseDuration() - _gcPause).TotalMilliseconds:0} |");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampler;
        _stop.Dispose();
    }

    // On its own thread, so that sampling does not wait in the queue it measures: how long a work item queued now
    // waits to start is how long any continuation of the pipeline waits.
    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            _longestQueue = Math.Max(_longestQueue, ThreadPool.PendingWorkItemCount);
            var queued = Stopwatch.GetTimestamp();
            var started = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
            ThreadPool.UnsafeQueueUserWorkItem(_ => started.TrySetResult(Stopwatch.GetElapsedTime(queued)), null);
            var waited = await started.Task;
            if (waited.TotalMilliseconds > _longestStartMs)
            {
                _longestStartMs = waited.TotalMilliseconds;
                _longestStartAt = Stopwatch.GetElapsedTime(_startedAt, queued).TotalSeconds;
            }
            try
            {
                await Task.Delay(SampleEvery, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
