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
    private readonly double _stealSeconds = StealSeconds();
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private readonly Task _sampler;
    private readonly Thread _sleeper;
    private long _longestQueue;
    private double _longestStartMs;
    private double _longestStartAt;
    private double _longestOversleepMs;

    private ProcessLoad()
    {
        _sampler = Task.Factory.StartNew(SampleAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
        _sleeper = new Thread(Oversleep) { IsBackground = true, Name = "bench oversleep probe" };
        _sleeper.Start();
    }

    /// <summary>Starts measuring now.</summary>
    public static ProcessLoad Start() => new();

    /// <summary>The markdown header of <see cref="StopAsync"/>'s rows.</summary>
    public const string Header = "| phase | CPU s | per tick | thread-pool items | longest queue | longest start wait ms (at) | longest oversleep of a thread ms | machine steal s | GC 0/1/2 | GC pause ms |\n|---|---|---|---|---|---|---|---|---|---|";

    /// <summary>Stops and returns the phase's row (<paramref name="ticks"/>: to divide the CPU by).</summary>
    public async Task<string> StopAsync(string phase, int ticks)
    {
        await StopSamplingAsync();
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - _cpu).TotalSeconds;
        var collections = $"{GC.CollectionCount(0) - _collections[0]}/{GC.CollectionCount(1) - _collections[1]}/{GC.CollectionCount(2) - _collections[2]}";
        return string.Create(CultureInfo.InvariantCulture,
            $"| {phase} | {cpu:0.00} | {cpu / Math.Max(1, ticks):0.00} | {ThreadPool.CompletedWorkItemCount - _workItems:N0} | {_longestQueue:N0} | {_longestStartMs:0} (+{_longestStartAt:0.0} s) | {_longestOversleepMs:0} | {StealSeconds() - _stealSeconds:0.00} | {collections} | {(GC.GetTotalPauseDuration() - _gcPause).TotalMilliseconds:0} |");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopSamplingAsync();
        _stop.Dispose();
    }

    private async Task StopSamplingAsync()
    {
        await _stop.CancelAsync();
        await _sampler;
        _sleeper.Join();
    }

    // A thread of its own that sleeps 10 ms at a time: a long oversleep is the whole process or machine standing still
    // (a GC suspension, the VM descheduled), which a long thread-pool wait alone does not tell apart from a full queue.
    private void Oversleep()
    {
        while (!_stop.IsCancellationRequested)
        {
            var before = Stopwatch.GetTimestamp();
            Thread.Sleep(10);
            _longestOversleepMs = Math.Max(_longestOversleepMs, Stopwatch.GetElapsedTime(before).TotalMilliseconds - 10);
        }
    }

    // Time the hypervisor gave this machine's CPUs to others (/proc/stat "steal", in USER_HZ ticks), all CPUs summed.
    private static double StealSeconds()
    {
        if (!File.Exists("/proc/stat")) return double.NaN;
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 8 ? long.Parse(fields[8], CultureInfo.InvariantCulture) / 100.0 : double.NaN;
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
